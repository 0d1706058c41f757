package cn.yingji.identity.internal;

import cn.yingji.identity.DivisionLookup;
import cn.yingji.shared.InvalidInputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Turns the division codes an administrator enters for a home division or scopes into materialised paths, through
 * the {@link DivisionLookup} the division-owning module provides, or else from the code's digits.
 */
@Component
class ScopeCodes {

    private static final Logger LOG = LoggerFactory.getLogger(ScopeCodes.class);
    private static final Pattern SEPARATORS = Pattern.compile("[\\s,，;；、]+");

    private final ObjectProvider<DivisionLookup> lookups;
    private volatile boolean warned;

    ScopeCodes(ObjectProvider<DivisionLookup> lookups) {
        this.lookups = lookups;
    }

    /** The path for one code; rejects an unknown or malformed code as a field error of {@code field}. */
    String path(@Nullable String code, String field) {
        if (code == null || code.isBlank()) {
            throw InvalidInputException.field(field, "identity.error.divisionRequired");
        }
        String trimmed = code.trim();
        return lookup(trimmed)
                .orElseThrow(() -> InvalidInputException.field(field, "identity.error.unknownDivision", trimmed));
    }

    /** Paths for codes given as a list, or as one text with separators (space, comma, semicolon). */
    List<String> paths(@Nullable Collection<String> codes, String field) {
        List<String> out = new ArrayList<>();
        for (String code : split(codes)) {
            out.add(path(code, field));
        }
        return out;
    }

    /** The codes of some paths (their last segment), for showing scopes in a form. */
    static String codes(Collection<String> paths) {
        return String.join(" ", paths.stream().map(ScopeCodes::lastSegment).toList());
    }

    static String lastSegment(String path) {
        String[] parts = path.split("/");
        return parts.length == 0 ? path : parts[parts.length - 1];
    }

    static List<String> split(@Nullable Collection<String> codes) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        if (codes != null) {
            for (String c : codes) {
                if (c != null) {
                    Arrays.stream(SEPARATORS.split(c.trim()))
                            .filter(s -> !s.isBlank())
                            .forEach(out::add);
                }
            }
        }
        return List.copyOf(out);
    }

    private Optional<String> lookup(String code) {
        DivisionLookup lookup = lookups.getIfUnique();
        if (lookup != null) {
            return lookup.pathOf(code);
        }
        if (!warned) {
            warned = true;
            LOG.warn("No DivisionLookup bean: division codes are turned into paths from their digits, unchecked");
        }
        return structuralPath(code);
    }

    /**
     * The path a statistical division code implies (city / county / township / village, from the city down), or a
     * grid code's village path plus the grid code.
     */
    static Optional<String> structuralPath(String code) {
        if (code.length() > 12 && code.length() <= 32 && code.chars().allMatch(Character::isLetterOrDigit)) {
            return structuralPath(code.substring(0, 12)).map(p -> p + code + "/");
        }
        if (code.length() != 12 || !code.chars().allMatch(c -> c >= '0' && c <= '9') || code.startsWith("00")) {
            return Optional.empty();
        }
        if (code.substring(2, 4).equals("00")) {
            return Optional.of("/" + code + "/");
        }
        StringBuilder path = new StringBuilder("/").append(code, 0, 4).append("00000000/");
        if (!code.substring(4, 6).equals("00")) {
            path.append(code, 0, 6).append("000000/");
        }
        if (!code.substring(6, 9).equals("000")) {
            path.append(code, 0, 9).append("000/");
        }
        if (!code.substring(9, 12).equals("000")) {
            path.append(code).append('/');
        }
        return Optional.of(path.toString());
    }
}
