package cn.yingji.monitoring;

import java.util.UUID;

/**
 * Identifies a warning (预警), our own or one imported from another department.
 *
 * @param value the id
 */
public record WarningId(UUID value) {
    @Override
    public String toString() {
        return value.toString();
    }
}
