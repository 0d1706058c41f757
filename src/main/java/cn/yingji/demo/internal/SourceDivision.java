package cn.yingji.demo.internal;

import cn.yingji.geo.DivisionLevel;
import org.jspecify.annotations.Nullable;

/**
 * One row of the bundled division list ({@code demo/divisions-hefei-2023.csv}).
 *
 * @param code 12-digit statistical code
 * @param name official name
 * @param level hierarchy level
 * @param parentCode parent's code; null for the city
 */
record SourceDivision(
        String code,
        String name,
        DivisionLevel level,
        @Nullable String parentCode) {}
