package cn.yingji.shared;

import org.springframework.context.MessageSourceResolvable;

/**
 * The name of a kind of thing ("incident", "hazard") as an argument of a message: a message source names it in the
 * caller's language (message key {@code noun.<code>}) as it resolves the message, and as the code itself where the
 * bundles have no name for it.
 *
 * @param code the kind, as the code names it
 */
public record Noun(String code) implements MessageSourceResolvable {

    @Override
    public String[] getCodes() {
        return new String[] {"noun." + code};
    }

    @Override
    public String getDefaultMessage() {
        return code;
    }

    @Override
    public String toString() {
        return code;
    }
}
