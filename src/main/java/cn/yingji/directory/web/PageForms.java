package cn.yingji.directory.web;

import cn.yingji.shared.InvalidInputException;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Parsing of form strings into typed values, with field errors instead of exceptions from the JDK. */
final class PageForms {

    private PageForms() {}

    static Optional<UUID> uuid(@Nullable String text, String field) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(text.trim()));
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.field(field, "directory.error.reference");
        }
    }

    static @Nullable Double number(@Nullable String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Double.valueOf(text.trim());
        } catch (NumberFormatException e) {
            throw InvalidInputException.field(field, "directory.error.number");
        }
    }
}
