package cn.yingji.directory.web;

import cn.yingji.directory.AssignHolder;
import cn.yingji.directory.ChannelType;
import cn.yingji.directory.Gender;
import cn.yingji.directory.HoldingKind;
import cn.yingji.directory.NewContactChannel;
import cn.yingji.directory.NewOrganisation;
import cn.yingji.directory.NewPerson;
import cn.yingji.directory.NewPosition;
import cn.yingji.directory.NewShift;
import cn.yingji.directory.OrganisationId;
import cn.yingji.directory.OrganisationKind;
import cn.yingji.directory.PersonId;
import cn.yingji.directory.PositionId;
import cn.yingji.directory.ShiftRole;
import cn.yingji.shared.InvalidInputException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** JSON request bodies of the directory API: plain UUIDs for references, {@code version} on updates. */
final class ApiBodies {

    private ApiBodies() {}

    static @Nullable OrganisationId org(@Nullable UUID id) {
        return id == null ? null : new OrganisationId(id);
    }

    static int version(@Nullable Integer version) {
        if (version == null) {
            throw InvalidInputException.field("version", "directory.error.versionRequired");
        }
        return version;
    }

    record OrganisationBody(
            @Nullable OrganisationKind kind,
            @Nullable String name,
            @Nullable String shortName,
            @Nullable String creditCode,
            @Nullable UUID parent,
            @Nullable String divisionPath,
            @Nullable String address,
            @Nullable Double lon,
            @Nullable Double lat,
            @Nullable Integer version) {

        NewOrganisation command() {
            return new NewOrganisation(kind, name, shortName, creditCode, org(parent), divisionPath, address, lon, lat);
        }
    }

    record ChannelBody(
            @Nullable ChannelType type,
            @Nullable String value,
            @Nullable Boolean verified) {}

    record PersonBody(
            @Nullable String name,
            @Nullable Gender gender,
            @Nullable UUID organisation,
            @Nullable String divisionPath,
            @Nullable String title,
            @Nullable List<ChannelBody> channels,
            @Nullable Integer version) {

        NewPerson command() {
            List<NewContactChannel> list = channels == null
                    ? List.of()
                    : channels.stream()
                            .map(c -> c == null
                                    ? new NewContactChannel(null, null, false)
                                    : new NewContactChannel(c.type(), c.value(), Boolean.TRUE.equals(c.verified())))
                            .toList();
            return new NewPerson(name, gender, org(organisation), divisionPath, title, list);
        }
    }

    record PositionBody(
            @Nullable String name,
            @Nullable String kind,
            @Nullable String divisionPath,
            @Nullable UUID organisation,
            @Nullable UUID deputy,
            @Nullable Integer version) {

        NewPosition command() {
            return new NewPosition(
                    name, kind, divisionPath, org(organisation), deputy == null ? null : new PositionId(deputy));
        }
    }

    record HolderBody(
            @Nullable UUID person,
            @Nullable HoldingKind kind,
            @Nullable Instant from,
            @Nullable String note) {

        AssignHolder command(PositionId position) {
            return new AssignHolder(position, person == null ? null : new PersonId(person), kind, from, note);
        }
    }

    record ShiftBody(
            @Nullable String divisionPath,
            @Nullable UUID organisation,
            @Nullable Instant startsAt,
            @Nullable Instant endsAt,
            @Nullable ShiftRole role,
            @Nullable UUID person,
            @Nullable String note) {

        NewShift command() {
            return new NewShift(
                    divisionPath,
                    org(organisation),
                    startsAt,
                    endsAt,
                    role,
                    person == null ? null : new PersonId(person),
                    note);
        }
    }

    record NoteBody(@Nullable String text) {}
}
