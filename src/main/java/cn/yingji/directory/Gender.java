package cn.yingji.directory;

/** A person's gender, recorded only when the person gives it. */
public enum Gender {
    /** Male (男). */
    MALE,
    /** Female (女). */
    FEMALE
}
