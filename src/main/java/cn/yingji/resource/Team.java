package cn.yingji.resource;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A rescue team as the rest of the platform sees it.
 *
 * @param id identifier
 * @param name name
 * @param kind kind of team
 * @param organisation owning organisation (name)
 * @param base rescue base (基地) housing the team
 * @param headcount number of people
 * @param primaryCapability capability code of its primary specialty (一专)
 * @param capabilities codes of further capabilities (多能), without the primary one
 * @param readiness readiness level, 1 (highest, 一级战备) to 3
 * @param lon WGS-84 longitude of its base
 * @param lat WGS-84 latitude of its base
 * @param divisionPath path of the division the team belongs to (jurisdiction)
 * @param leaderUsername platform username of the team leader, if any
 * @param phone duty phone
 * @param status live status
 * @param statusAt when the status last changed
 * @param currentIncident the event the team is dispatched to, while not on standby
 * @param lastPingAt time of the last position ping
 * @param version optimistic-lock version
 */
public record Team(
        TeamId id,
        String name,
        TeamKind kind,
        @Nullable String organisation,
        @Nullable String base,
        int headcount,
        String primaryCapability,
        List<String> capabilities,
        int readiness,
        double lon,
        double lat,
        String divisionPath,
        @Nullable String leaderUsername,
        @Nullable String phone,
        TeamStatus status,
        Instant statusAt,
        @Nullable UUID currentIncident,
        @Nullable Instant lastPingAt,
        int version) {

    public Team {
        capabilities = List.copyOf(capabilities);
    }
}
