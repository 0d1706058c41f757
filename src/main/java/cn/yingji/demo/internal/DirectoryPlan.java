package cn.yingji.demo.internal;

import cn.yingji.directory.NewOrganisation;
import cn.yingji.directory.NewPerson;
import cn.yingji.directory.NewPosition;
import cn.yingji.directory.NewShift;
import cn.yingji.directory.OrganisationId;
import cn.yingji.directory.PersonId;
import cn.yingji.directory.PositionId;
import cn.yingji.directory.ShiftId;
import java.util.List;
import java.util.Map;

/**
 * The directory part of the demo city, with deterministic ids so a loader can tell what already exists.
 *
 * @param chunks the organisations, persons and positions in loading units: each chunk is written in one transaction,
 *     and its first person's presence tells that it is loaded
 * @param desks duty desks from which the roster is built
 * @param accountPersons the person behind each demo account that has one, by username
 */
record DirectoryPlan(List<Chunk> chunks, List<Desk> desks, Map<String, PersonId> accountPersons) {

    DirectoryPlan {
        chunks = List.copyOf(chunks);
        desks = List.copyOf(desks);
        accountPersons = Map.copyOf(accountPersons);
    }

    /** Every organisation, parents first. */
    List<Org> organisations() {
        return chunks.stream().flatMap(c -> c.organisations().stream()).toList();
    }

    /** Every person. */
    List<Member> persons() {
        return chunks.stream().flatMap(c -> c.persons().stream()).toList();
    }

    /** Every position with its holder. */
    List<Post> positions() {
        return chunks.stream().flatMap(c -> c.positions().stream()).toList();
    }

    /**
     * A loading unit: organisations, then persons, then positions (whose holders are in this or an earlier chunk).
     *
     * @param key what it holds, for logs
     * @param organisations organisations, parents first
     * @param persons persons; never empty
     * @param positions positions with their holder
     */
    record Chunk(String key, List<Org> organisations, List<Member> persons, List<Post> positions) {

        Chunk {
            organisations = List.copyOf(organisations);
            persons = List.copyOf(persons);
            positions = List.copyOf(positions);
        }

        /** The person whose presence means the chunk was written. */
        PersonId anchor() {
            return persons.get(0).id();
        }
    }

    /** An organisation to create. */
    record Org(OrganisationId id, NewOrganisation command) {}

    /** A person to create. */
    record Member(PersonId id, NewPerson command) {}

    /** A position to create and the person who holds it. */
    record Post(PositionId id, NewPosition command, PersonId holder) {}

    /**
     * A duty desk (the duty office of an emergency management bureau): leaders and officers take turns in 24-hour
     * shifts.
     *
     * @param divisionPath whose duty it is
     * @param office the bureau running it
     * @param leaders leaders on duty (带班领导), in rotation order
     * @param officers duty officers (值班员), in rotation order
     * @param officersPerShift how many officers sit each shift
     */
    record Desk(
            String divisionPath,
            OrganisationId office,
            List<PersonId> leaders,
            List<PersonId> officers,
            int officersPerShift) {

        Desk {
            leaders = List.copyOf(leaders);
            officers = List.copyOf(officers);
        }
    }

    /** A shift of the roster with its deterministic id. */
    record PlannedShift(ShiftId id, NewShift command) {}
}
