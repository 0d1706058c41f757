package cn.yingji.directory;

/**
 * A contact channel as given in a command; its preference is its position in the list it is given in (first =
 * most preferred).
 *
 * @param type the channel type
 * @param value the number, address or id; validated and normalised per type
 * @param verified true when the channel has been confirmed to reach the person
 */
public record NewContactChannel(ChannelType type, String value, boolean verified) {}
