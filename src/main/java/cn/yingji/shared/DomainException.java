package cn.yingji.shared;

import java.util.List;

/**
 * Base of the exceptions a module throws for a caller's mistake. The message is a key into the message bundles
 * (with arguments), so the web layer can answer in the caller's language; nothing in it is ever a stack trace.
 */
public abstract class DomainException extends RuntimeException {

    private final String messageKey;
    private final transient Object[] args;
    private final List<FieldError> fieldErrors;

    protected DomainException(String messageKey, Object[] args, List<FieldError> fieldErrors) {
        super(messageKey);
        this.messageKey = messageKey;
        this.args = args.clone();
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    /** The message-bundle key describing the problem. */
    public String messageKey() {
        return messageKey;
    }

    /** Arguments for the message pattern. */
    public Object[] args() {
        return args.clone();
    }

    /** Field-level errors (possibly empty), each with its own message key. */
    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }

    /**
     * One rejected field or row.
     *
     * @param field the field name, or a row reference such as {@code features[3]}
     * @param messageKey the message-bundle key
     * @param args arguments for the message
     */
    public record FieldError(String field, String messageKey, Object... args) {}
}
