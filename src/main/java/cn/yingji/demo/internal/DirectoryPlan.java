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
 * @param organisations departments, township offices, a rescue organisation and an enterprise, parents first
 * @param persons fictitious persons
 * @param positions positions with their (primary) holder
 * @param desks duty desks from which the roster is built
 * @param accountPersons the person behind each demo account that has one, by username
 */
record DirectoryPlan(
        List<Org> organisations,
        List<Member> persons,
        List<Post> positions,
        List<Desk> desks,
        Map<String, PersonId> accountPersons) {

    DirectoryPlan {
        organisations = List.copyOf(organisations);
        persons = List.copyOf(persons);
        positions = List.copyOf(positions);
        desks = List.copyOf(desks);
        accountPersons = Map.copyOf(accountPersons);
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
