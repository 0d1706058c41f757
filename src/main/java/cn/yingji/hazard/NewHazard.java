package cn.yingji.hazard;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A hazard report.
 *
 * @param title short title; derived from the description when blank
 * @param description what was seen (required)
 * @param grade proposed grade; GENERAL when null
 * @param industry industry code; OTHER when blank
 * @param lon WGS-84 longitude (with {@code lat}; required unless an enterprise reports at its seat)
 * @param lat WGS-84 latitude
 * @param address address or place description
 * @param reporterName contact name (optional, residents)
 * @param reporterPhone contact phone (optional, residents)
 * @param enterpriseId the enterprise concerned, if known
 */
public record NewHazard(
        @Nullable String title,
        @Nullable String description,
        @Nullable HazardGrade grade,
        @Nullable String industry,
        @Nullable Double lon,
        @Nullable Double lat,
        @Nullable String address,
        @Nullable String reporterName,
        @Nullable String reporterPhone,
        @Nullable UUID enterpriseId) {}
