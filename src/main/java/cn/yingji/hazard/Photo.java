package cn.yingji.hazard;

/**
 * An uploaded photo. The type is decided from the leading bytes, not from what the client claims.
 *
 * @param filename the client's file name
 * @param content the bytes
 */
public record Photo(String filename, byte[] content) {}
