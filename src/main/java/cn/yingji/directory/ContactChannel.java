package cn.yingji.directory;

/**
 * A stored contact channel of a person.
 *
 * @param type the channel type
 * @param value normalised value (a mobile number as 11 digits, an e-mail in lower case …)
 * @param preference rank, 1 = try first
 * @param verified true when the channel has been confirmed to reach the person
 */
public record ContactChannel(ChannelType type, String value, int preference, boolean verified) {}
