package cn.yingji.shared;

import java.util.List;

/** The caller's input was rejected and nothing was changed (HTTP 400 / form re-render). */
public class InvalidInputException extends DomainException {

    public InvalidInputException(String messageKey, Object... args) {
        super(messageKey, args, List.of());
    }

    public InvalidInputException(String messageKey, List<FieldError> fieldErrors) {
        super(messageKey, new Object[0], fieldErrors);
    }

    /** Shorthand for a single invalid field. */
    public static InvalidInputException field(String field, String messageKey, Object... args) {
        return new InvalidInputException("error.validation", List.of(new FieldError(field, messageKey, args)));
    }
}
