package cn.yingji.callout.internal;

import cn.yingji.callout.CalloutPolicy;
import cn.yingji.callout.PolicyTier;
import cn.yingji.callout.TierLevel;
import cn.yingji.directory.Directory;
import cn.yingji.directory.Holding;
import cn.yingji.directory.PersonId;
import cn.yingji.directory.Position;
import cn.yingji.directory.PositionFilter;
import cn.yingji.directory.PositionId;
import cn.yingji.directory.Shift;
import cn.yingji.directory.ShiftRole;
import cn.yingji.notify.Channel;
import cn.yingji.notify.Notifications;
import cn.yingji.shared.PageQuery;
import cn.yingji.shared.PageResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Resolves who must be called from positions (not names): per tier, the positions of its kinds at its level over
 * or under the area, and their current holders; and, for escalation, the superior position, the deputy, or the
 * on-duty officer.
 */
@Component
class CallListResolver {

    /**
     * One entry of a call list.
     *
     * @param tierIndex index of the tier in the policy
     * @param tier the tier's key
     * @param position the position (null for an on-duty officer found on the roster)
     * @param positionName display name
     * @param kind position kind (or {@code DUTY_OFFICER})
     * @param divisionPath the position's division
     * @param person the holder called, null when the position is vacant
     * @param personName the holder's name
     * @param channels channels the holder can be reached on, in order (policy ∩ the person's preference); empty
     *     means unreachable
     */
    record Entry(
            int tierIndex,
            String tier,
            @Nullable PositionId position,
            String positionName,
            String kind,
            String divisionPath,
            @Nullable PersonId person,
            @Nullable String personName,
            List<Channel> channels) {

        public boolean vacant() {
            return person == null;
        }

        public boolean unreachable() {
            return person != null && channels.isEmpty();
        }
    }

    private final Directory directory;
    private final Notifications notifications;

    CallListResolver(Directory directory, Notifications notifications) {
        this.directory = directory;
        this.notifications = notifications;
    }

    /** The first calls of a campaign over the area, one per person (the first position found wins). */
    List<Entry> resolve(CalloutPolicy policy, List<String> area) {
        List<Entry> raw = new ArrayList<>();
        Set<PositionId> seenPositions = new HashSet<>();
        for (int i = 0; i < policy.tiers().size(); i++) {
            PolicyTier tier = policy.tiers().get(i);
            if (!tier.callFirst()) {
                continue;
            }
            for (String path : area) {
                for (Position p : positions(tier, path)) {
                    if (seenPositions.add(p.id())) {
                        raw.add(entry(i, tier, p, null));
                    }
                }
            }
        }
        return withChannels(policy, dedupe(raw));
    }

    private static List<Entry> dedupe(List<Entry> raw) {
        Set<PersonId> persons = new HashSet<>();
        List<Entry> out = new ArrayList<>();
        for (Entry e : raw) {
            if (e.person() == null || persons.add(e.person())) {
                out.add(e);
            }
        }
        return out;
    }

    /** Positions of the tier's kinds at its level for one area path: the ancestor at that level, or descendants. */
    private List<Position> positions(PolicyTier tier, String areaPath) {
        int depth = tier.level().depth();
        List<Position> out = new ArrayList<>();
        if (depth <= depth(areaPath)) {
            String at = ancestor(areaPath, depth);
            for (String kind : tier.kinds()) {
                out.addAll(directory.positionsAt(at, kind));
            }
            return out;
        }
        for (String kind : tier.kinds()) {
            int page = 0;
            while (true) {
                PageResult<Position> r = directory.positions(
                        new PositionFilter(null, kind, areaPath, null, null), new PageQuery(page, PageQuery.MAX_SIZE));
                for (Position p : r.items()) {
                    if (depth(p.divisionPath()) == depth) {
                        out.add(p);
                    }
                }
                if ((long) (page + 1) * PageQuery.MAX_SIZE >= r.total()
                        || r.items().isEmpty()) {
                    break;
                }
                page++;
            }
        }
        return out;
    }

    /** An entry for a position: its primary holder (or the acting one when there is no primary). */
    private Entry entry(int tierIndex, PolicyTier tier, Position p, @Nullable PersonId except) {
        List<Holding> holders = directory.currentHolders(p.id());
        Holding h = holders.stream()
                .filter(x -> except == null || !x.person().equals(except))
                .findFirst()
                .orElse(null);
        return new Entry(
                tierIndex,
                tier.key(),
                p.id(),
                p.name(),
                p.kind(),
                p.divisionPath(),
                h == null ? null : h.person(),
                h == null ? null : h.personName(),
                List.of());
    }

    /** Fills in reachable channels (policy channels, in the person's order of preference). */
    List<Entry> withChannels(CalloutPolicy policy, List<Entry> entries) {
        Set<PersonId> persons = new HashSet<>();
        entries.forEach(e -> {
            if (e.person() != null) {
                persons.add(e.person());
            }
        });
        Map<PersonId, List<Channel>> reach = notifications.reachable(persons);
        List<Entry> out = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            List<Channel> cs = e.person() == null
                    ? List.of()
                    : reach.getOrDefault(e.person(), List.of()).stream()
                            .filter(policy.channels()::contains)
                            .toList();
            out.add(new Entry(
                    e.tierIndex(),
                    e.tier(),
                    e.position(),
                    e.positionName(),
                    e.kind(),
                    e.divisionPath(),
                    e.person(),
                    e.personName(),
                    cs));
        }
        return out;
    }

    /**
     * The superior of an unanswered call of tier {@code tierIndex} at {@code divisionPath}: the target tier's
     * positions over that division (the first held one, else the first vacant one, to be escalated again), or the
     * on-duty officer when the tier escalates to the duty desk.
     */
    Optional<Entry> superior(CalloutPolicy policy, int tierIndex, String divisionPath, Instant now) {
        PolicyTier tier = policy.tiers().get(tierIndex);
        String to = tier.escalateTo();
        if (to == null || to.equals(PolicyTier.DUTY_OFFICER)) {
            return dutyOfficer(policy, tierIndex, divisionPath, now);
        }
        int target = indexOf(policy, to);
        PolicyTier t = policy.tiers().get(target);
        String at = ancestor(divisionPath, Math.min(t.level().depth(), depth(divisionPath)));
        Entry vacant = null;
        for (String kind : t.kinds()) {
            for (Position p : directory.positionsAt(at, kind)) {
                Entry e = entry(target, t, p, null);
                if (!e.vacant()) {
                    return Optional.of(withChannels(policy, List.of(e)).get(0));
                }
                if (vacant == null) {
                    vacant = e;
                }
            }
        }
        if (vacant != null) {
            return Optional.of(vacant);
        }
        // No such position at all over this division: go on up the chain.
        return superior(policy, target, at, now);
    }

    /** The on-duty officer nearest above the division (the division itself first, then its ancestors). */
    Optional<Entry> dutyOfficer(CalloutPolicy policy, int tierIndex, String divisionPath, Instant now) {
        for (int d = depth(divisionPath); d >= 1; d--) {
            String at = ancestor(divisionPath, d);
            List<Shift> shifts = directory.onDutyAt(at, now);
            for (Shift s : shifts) {
                if (s.role() == ShiftRole.DUTY_OFFICER) {
                    Entry e = new Entry(
                            tierIndex,
                            PolicyTier.DUTY_OFFICER,
                            null,
                            "值班员 / duty officer",
                            PolicyTier.DUTY_OFFICER,
                            at,
                            s.person(),
                            s.personName(),
                            List.of());
                    return Optional.of(withChannels(policy, List.of(e)).get(0));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The deputy of a position for a holder who cannot come: another current holder (the acting one), else the
     * holder of the position's configured deputy position.
     */
    Optional<Entry> deputy(CalloutPolicy policy, int tierIndex, PositionId position, PersonId except) {
        Optional<Position> p = directory.findPosition(position);
        if (p.isEmpty()) {
            return Optional.empty();
        }
        PolicyTier tier = policy.tiers().get(tierIndex);
        Entry other = entry(tierIndex, tier, p.get(), except);
        if (!other.vacant()) {
            return Optional.of(withChannels(policy, List.of(other)).get(0));
        }
        if (p.get().deputy() != null) {
            Optional<Position> d = directory.findPosition(p.get().deputy());
            if (d.isPresent()) {
                Entry e = entry(tierIndex, tier, d.get(), except);
                if (!e.vacant()) {
                    return Optional.of(withChannels(policy, List.of(e)).get(0));
                }
            }
        }
        return Optional.empty();
    }

    static int indexOf(CalloutPolicy policy, String key) {
        for (int i = 0; i < policy.tiers().size(); i++) {
            if (policy.tiers().get(i).key().equals(key)) {
                return i;
            }
        }
        throw new IllegalStateException("no tier " + key);
    }

    static int depth(String path) {
        int n = 0;
        for (int i = 0; i < path.length(); i++) {
            if (path.charAt(i) == '/') {
                n++;
            }
        }
        return Math.max(0, n - 1);
    }

    /** The ancestor of a path at a depth (the path itself when it is not deeper). */
    static String ancestor(String path, int depth) {
        int seen = 0;
        for (int i = 0; i < path.length(); i++) {
            if (path.charAt(i) == '/') {
                if (seen == depth) {
                    return path.substring(0, i + 1);
                }
                seen++;
            }
        }
        return path;
    }

    static TierLevel levelOf(String path) {
        int d = depth(path);
        for (TierLevel l : TierLevel.values()) {
            if (l.depth() == d) {
                return l;
            }
        }
        return TierLevel.GRID;
    }
}
