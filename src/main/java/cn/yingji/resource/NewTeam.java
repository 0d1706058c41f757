package cn.yingji.resource;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Command to register or edit a rescue team. Every field is validated and all problems are reported at once.
 *
 * @param name name, required
 * @param kind kind, required
 * @param organisation owning organisation
 * @param base rescue base
 * @param headcount number of people, not negative
 * @param primaryCapability a capability code, required
 * @param capabilities further capability codes (unknown codes are rejected)
 * @param readiness 1 to 3
 * @param lon longitude inside China, required
 * @param lat latitude inside China, required
 * @param divisionCode 12-digit division code; when blank the division is found from the coordinates
 * @param leaderUsername an existing platform username, or blank
 * @param phone duty phone
 */
public record NewTeam(
        @Nullable String name,
        @Nullable TeamKind kind,
        @Nullable String organisation,
        @Nullable String base,
        @Nullable Integer headcount,
        @Nullable String primaryCapability,
        @Nullable List<String> capabilities,
        @Nullable Integer readiness,
        @Nullable Double lon,
        @Nullable Double lat,
        @Nullable String divisionCode,
        @Nullable String leaderUsername,
        @Nullable String phone) {}
