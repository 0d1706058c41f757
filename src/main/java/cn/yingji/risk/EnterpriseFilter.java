package cn.yingji.risk;

import org.jspecify.annotations.Nullable;

/**
 * Filter of the enterprise registry; every field optional, always within the caller's jurisdiction.
 *
 * @param q part of the name or credit code
 * @param industry industry code
 * @param size size class
 * @param status operating state
 * @param division 12-digit division code: the enterprises in its subtree
 * @param department supervising department (through the 三管三必须 matrix)
 */
public record EnterpriseFilter(
        @Nullable String q,
        @Nullable String industry,
        @Nullable EnterpriseSize size,
        @Nullable EnterpriseStatus status,
        @Nullable String division,
        @Nullable String department) {

    /** No filter. */
    public static EnterpriseFilter none() {
        return new EnterpriseFilter(null, null, null, null, null, null);
    }
}
