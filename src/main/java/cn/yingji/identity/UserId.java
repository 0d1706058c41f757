package cn.yingji.identity;

import java.util.UUID;

/** Identifier of a platform user. */
public record UserId(UUID value) implements java.io.Serializable {

    public static UserId of(String text) {
        return new UserId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
