package cn.yingji.shared;

import java.util.List;

/**
 * The requested thing does not exist <em>for this caller</em>. Thrown equally for a missing row and for a row
 * outside the caller's jurisdiction, so that foreign data cannot be told apart from absent data (HTTP 404).
 */
public class NotFoundException extends DomainException {

    public NotFoundException(String what, Object id) {
        super("error.notFound", new Object[] {new Noun(what), String.valueOf(id)}, List.of());
    }
}
