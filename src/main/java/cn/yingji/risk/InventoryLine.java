package cn.yingji.risk;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * One hazardous chemical of a unit's inventory, as entered. A named chemical of Table 1 is given by its
 * {@code chemical} code (its threshold Q comes from Table 1); any other chemical by {@code name} and its GHS
 * {@code hazardClass} (Q from Table 2). β comes from Table 3 for the named toxic gases listed there, otherwise from
 * Table 4 by {@code hazardClass}, which is then required.
 *
 * @param chemical code of a Table 1 substance (see {@link Gb18218Table#substances()}), or null
 * @param name name, required when no chemical code is given
 * @param cas CAS number, optional
 * @param hazardClass class code of Table 2/4 such as {@code W5.1} or {@code J1}
 * @param quantity actual quantity q in tonnes (design maximum for tanks and stores), ≥ 0
 */
public record InventoryLine(
        @Nullable String chemical,
        @Nullable String name,
        @Nullable String cas,
        @Nullable String hazardClass,
        @Nullable BigDecimal quantity) {}
