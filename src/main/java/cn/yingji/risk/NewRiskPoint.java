package cn.yingji.risk;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Command to register or edit a risk point. Either {@code organisationId} (an enterprise in the directory; the point
 * takes its division path) or a place given by {@code gridCode} or {@code divisionCode} (the point takes that grid's
 * or division's path). The binding cannot be changed by an edit.
 *
 * @param name required, up to 200 characters
 * @param category kind of danger, optional
 * @param description optional, up to 2000 characters
 * @param organisationId the enterprise, for an enterprise point
 * @param divisionCode 12-digit division code, for a place
 * @param gridCode 15-digit grid code, for a place (wins over divisionCode)
 * @param location address or description, optional
 * @param lon WGS-84 longitude, optional (with lat)
 * @param lat WGS-84 latitude, optional (with lon)
 */
public record NewRiskPoint(
        @Nullable String name,
        @Nullable String category,
        @Nullable String description,
        @Nullable UUID organisationId,
        @Nullable String divisionCode,
        @Nullable String gridCode,
        @Nullable String location,
        @Nullable Double lon,
        @Nullable Double lat) {}
