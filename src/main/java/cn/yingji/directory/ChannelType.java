package cn.yingji.directory;

/** How a person can be reached. Values are validated and normalised per type (see {@link ContactValues}). */
public enum ChannelType {
    /** Mainland mobile number, stored as 11 digits without the {@code +86} prefix. */
    MOBILE,
    /** Landline (固定电话) as {@code 区号-号码}, optionally with {@code -分机}. */
    LANDLINE,
    /** E-mail address, stored in lower case. */
    EMAIL,
    /** WeChat id (微信号). */
    WECHAT,
    /** Any other channel (radio call sign, satellite phone …), free text. */
    OTHER
}
