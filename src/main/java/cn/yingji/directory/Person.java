package cn.yingji.directory;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A person as read from the directory.
 *
 * @param id identifier
 * @param name full name
 * @param gender gender, if given
 * @param organisation organisation the person works for, if any
 * @param divisionPath division path the person belongs to (scopes who may see them)
 * @param title job title (职务), if any
 * @param channels contact channels ordered by preference (first = try first)
 * @param version optimistic-lock version; pass it back when updating
 */
public record Person(
        PersonId id,
        String name,
        @Nullable Gender gender,
        @Nullable OrganisationId organisation,
        String divisionPath,
        @Nullable String title,
        List<ContactChannel> channels,
        int version) {

    public Person {
        channels = List.copyOf(channels);
    }
}
