package cn.yingji.incident;

/** The four categories of 突发事件应对法 Art. 2. */
public enum EventCategory {
    /** 自然灾害. */
    NATURAL_DISASTER,
    /** 事故灾难. */
    ACCIDENT,
    /** 公共卫生事件. */
    PUBLIC_HEALTH,
    /** 社会安全事件 (not graded by Art. 3). */
    SOCIAL_SECURITY
}
