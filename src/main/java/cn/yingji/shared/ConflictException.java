package cn.yingji.shared;

import java.util.List;

/** The request clashes with the current state (duplicate key, wrong lifecycle step, stale version): HTTP 409. */
public class ConflictException extends DomainException {

    public ConflictException(String messageKey, Object... args) {
        super(messageKey, args, List.of());
    }
}
