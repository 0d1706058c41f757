package cn.yingji.command;

import cn.yingji.incident.IncidentId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The headquarters (现场指挥部) stood up for an event.
 *
 * @param id identifier
 * @param incidentId the event
 * @param name name, e.g. 某化工厂泄漏事故现场指挥部
 * @param leadLevel government level that leads, following the event's grade (分级负责)
 * @param postAddress on-scene command post (现场指挥所) address
 * @param postLon its longitude
 * @param postLat its latitude
 * @param onSceneCommander the professional team's on-scene commander (专业队伍现场指挥员)
 * @param onSceneTeam that commander's team
 * @param establishedBy who stood it up
 * @param establishedAt when
 * @param members commander, deputies and working-group members
 */
public record Headquarters(
        UUID id,
        IncidentId incidentId,
        String name,
        LeadLevel leadLevel,
        @Nullable String postAddress,
        @Nullable Double postLon,
        @Nullable Double postLat,
        @Nullable String onSceneCommander,
        @Nullable String onSceneTeam,
        String establishedBy,
        Instant establishedAt,
        List<Member> members) {

    public Headquarters {
        members = List.copyOf(members);
    }

    /** Government levels that can lead a response. */
    public enum LeadLevel {
        TOWNSHIP,
        COUNTY,
        CITY,
        PROVINCE,
        STATE_COUNCIL
    }

    /** Roles inside the headquarters. */
    public enum Role {
        COMMANDER,
        DEPUTY,
        GROUP_LEAD,
        GROUP_MEMBER
    }

    /** Standard working groups (工作组). */
    public enum Group {
        COORDINATION,
        RESCUE,
        MEDICAL,
        TRAFFIC,
        COMMUNICATION,
        SECURITY,
        PUBLICITY,
        LOGISTICS,
        EXPERT,
        MONITORING,
        AFTERMATH
    }

    /**
     * A person in the headquarters.
     *
     * @param id identifier
     * @param role role
     * @param group working group (null for commander and deputies)
     * @param personId directory person, if known
     * @param personName name
     * @param organisation their organisation
     * @param phone phone
     * @param username platform account, if any
     */
    public record Member(
            UUID id,
            Role role,
            @Nullable Group group,
            @Nullable UUID personId,
            String personName,
            @Nullable String organisation,
            @Nullable String phone,
            @Nullable String username) {}
}
