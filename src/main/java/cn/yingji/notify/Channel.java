package cn.yingji.notify;

/** A way of reaching a person. */
public enum Channel {
    /** In the platform: the inbox, pushed live to open pages (SSE). Reaches persons with an account. */
    IN_APP,
    /** Text message to a mobile number, through the SMS/voice gateway. */
    SMS,
    /** Voice call (robo-call with keypad answers) to a mobile or landline, through the gateway. */
    VOICE,
    /** E-mail over SMTP. */
    EMAIL
}
