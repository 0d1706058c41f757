package cn.yingji.risk;

/** Whether an enterprise is operating (在产), suspended (停产停业) or closed (关闭). */
public enum EnterpriseStatus {
    /** 在产在营. */
    OPERATING,
    /** 停产停业. */
    SUSPENDED,
    /** 关闭. */
    CLOSED
}
