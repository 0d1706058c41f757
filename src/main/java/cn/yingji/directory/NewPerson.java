package cn.yingji.directory;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Command to create a person, or the complete new state when updating one (channels are replaced). No ID-card
 * number is taken or stored.
 *
 * @param name full name, 1–100 characters
 * @param gender gender, if given
 * @param organisation the organisation the person works for, which must be visible to the caller
 * @param divisionPath division the person belongs to; when null, the organisation's path is used (one of the two
 *     is required)
 * @param title job title (职务) as free text, e.g. 副镇长, up to 100 characters
 * @param channels contact channels, most preferred first (may be empty)
 */
public record NewPerson(
        String name,
        @Nullable Gender gender,
        @Nullable OrganisationId organisation,
        @Nullable String divisionPath,
        @Nullable String title,
        List<NewContactChannel> channels) {

    public NewPerson {
        channels = channels == null ? List.of() : List.copyOf(channels);
    }
}
