package cn.yingji.shared;

/**
 * The name of a kind of thing ("incident", "hazard") as an argument of a message: the web layer shows it in the
 * caller's language (message key {@code noun.<code>}), and as the code itself where the bundles have no name for
 * it.
 *
 * @param code the kind, as the code names it
 */
public record Noun(String code) {

    @Override
    public String toString() {
        return code;
    }
}
