package cn.yingji.resource;

/** Live status of a rescue team; only {@link #STANDBY} teams are recommended and may be dispatched. */
public enum TeamStatus {
    /** 待命. */
    STANDBY,
    /** 已出动. */
    DISPATCHED,
    /** 到达现场. */
    ON_SCENE,
    /** 返回途中. */
    RETURNING,
    /** 不可用 (maintenance, training, rest). */
    UNAVAILABLE
}
