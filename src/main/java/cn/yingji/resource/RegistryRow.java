package cn.yingji.resource;

import java.util.Map;
import java.util.UUID;

/**
 * One row of a simple registry as other modules read it.
 *
 * @param id the row
 * @param title its name (item for stock)
 * @param divisionPath the division it lies in (materialised path)
 * @param lon WGS-84 longitude
 * @param lat WGS-84 latitude
 * @param fields the other fields as text, by the names of {@link RegistryKind} (empty values left out)
 */
public record RegistryRow(
        UUID id, String title, String divisionPath, double lon, double lat, Map<String, String> fields) {}
