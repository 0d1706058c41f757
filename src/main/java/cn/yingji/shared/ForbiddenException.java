package cn.yingji.shared;

/**
 * The caller may see the row but this action is not theirs to take (e.g. confirming a task they completed
 * themselves); answered 403 with the specific reason rather than a generic "forbidden".
 */
public class ForbiddenException extends DomainException {

    public ForbiddenException(String messageKey, Object... args) {
        super(messageKey, args, java.util.List.of());
    }
}
