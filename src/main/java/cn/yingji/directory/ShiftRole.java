package cn.yingji.directory;

/** What a person does on a duty shift. */
public enum ShiftRole {
    /** Leader on duty (带班领导). */
    LEADER_ON_DUTY,
    /** Duty officer (值班员). */
    DUTY_OFFICER,
    /** Standby (备班): reachable and ready to come in. */
    STANDBY
}
