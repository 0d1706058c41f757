package cn.yingji.geo;

import org.jspecify.annotations.Nullable;

/**
 * An administrative division.
 *
 * @param code statistical code
 * @param name official name, e.g. 明光路街道
 * @param level level in the hierarchy
 * @param parent parent code; null for the root city
 * @param path materialised path of codes from the root, e.g. {@code /340100000000/340102000000/}; every row that
 *     belongs to this division carries a path starting with it
 */
public record Division(
        DivisionCode code,
        String name,
        DivisionLevel level,
        @Nullable DivisionCode parent,
        String path) implements java.io.Serializable {}
