package cn.yingji.resource.internal;

import cn.yingji.resource.Team;
import cn.yingji.resource.TeamStatus;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.jspecify.annotations.Nullable;

/**
 * An immutable-in-structure, array-based picture of every team for ranking: declared capabilities as a bit mask,
 * certified member skills with their expiry day, serviceable equipment per capability, recent dispatches. Team rows
 * (and so their status) may be swapped in place after a committed status change; everything else is rebuilt.
 */
final class RecommendationSnapshot {

    static final double EARTH_KM = 6371.0088;
    static final double W_COVERAGE = 0.45;
    static final double W_DISTANCE = 0.25;
    static final double W_READINESS = 0.12;
    static final double W_LOAD = 0.08;
    static final double W_EQUIPMENT = 0.10;
    static final double DISTANCE_SCALE_KM = 10;
    static final int EQUIPMENT_FULL = 20;

    private volatile long version;
    private final List<String> capabilityCodes;
    private final Map<String, Integer> bit = new HashMap<>();
    private final Map<UUID, Integer> indexOf = new HashMap<>();
    private final AtomicReferenceArray<Team> teams;
    private final long[] declared;
    private final int[] skillStart;
    private final byte[] skillBit;
    private final long[] skillExpiryDay;
    private final int[] equipment;
    private final int[] load;
    private final byte[] status;
    private final double[] fixedScore;
    private final double[] latRad;
    private final double[] lonRad;
    private final double[] cosLat;
    private final int n;
    private final int c;

    RecommendationSnapshot(long version, List<String> capabilityCodes, List<JdbcTeamStore.IndexRow> rows) {
        if (capabilityCodes.size() > 63) {
            throw new IllegalArgumentException("at most 63 capabilities");
        }
        this.version = version;
        this.capabilityCodes = List.copyOf(capabilityCodes);
        for (int i = 0; i < capabilityCodes.size(); i++) {
            bit.put(capabilityCodes.get(i), i);
        }
        n = rows.size();
        c = capabilityCodes.size();
        teams = new AtomicReferenceArray<>(n);
        declared = new long[n];
        skillStart = new int[n + 1];
        equipment = new int[n * c];
        load = new int[n];
        status = new byte[n];
        fixedScore = new double[n];
        latRad = new double[n];
        lonRad = new double[n];
        cosLat = new double[n];
        int skills = 0;
        for (JdbcTeamStore.IndexRow r : rows) {
            skills += r.skills().size();
        }
        skillBit = new byte[skills];
        skillExpiryDay = new long[skills];
        int s = 0;
        for (int i = 0; i < n; i++) {
            JdbcTeamStore.IndexRow r = rows.get(i);
            Team t = r.team();
            teams.set(i, t);
            indexOf.put(t.id().value(), i);
            declared[i] = mask(t.primaryCapability()) | mask(t.capabilities());
            skillStart[i] = s;
            for (JdbcTeamStore.Skill sk : r.skills()) {
                Integer b = bit.get(sk.capability());
                if (b == null) {
                    continue;
                }
                skillBit[s] = (byte) (int) b;
                skillExpiryDay[s] =
                        sk.expiresOn() == null ? Long.MAX_VALUE : sk.expiresOn().toEpochDay();
                s++;
            }
            for (Map.Entry<String, Integer> e : r.equipmentByCapability().entrySet()) {
                Integer b = bit.get(e.getKey());
                if (b != null) {
                    equipment[i * c + b] += e.getValue();
                }
            }
            load[i] = r.recentDispatches();
            status[i] = (byte) t.status().ordinal();
            fixedScore[i] = W_READINESS * readinessScore(t.readiness()) + W_LOAD / (1.0 + load[i]);
            latRad[i] = Math.toRadians(t.lat());
            lonRad[i] = Math.toRadians(t.lon());
            cosLat[i] = Math.cos(latRad[i]);
        }
        skillStart[n] = s;
    }

    long version() {
        return version;
    }

    void version(long v) {
        version = v;
    }

    int size() {
        return n;
    }

    List<String> capabilityCodes() {
        return capabilityCodes;
    }

    long mask(@Nullable String code) {
        Integer b = code == null ? null : bit.get(code);
        return b == null ? 0 : 1L << b;
    }

    long mask(List<String> codes) {
        long m = 0;
        for (String code : codes) {
            m |= mask(code);
        }
        return m;
    }

    List<String> codes(long mask) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < c; i++) {
            if ((mask & (1L << i)) != 0) {
                out.add(capabilityCodes.get(i));
            }
        }
        return out;
    }

    /** Replaces a team row (after a committed status change); false when the team is not in this snapshot. */
    boolean replace(Team team) {
        Integer i = indexOf.get(team.id().value());
        if (i == null) {
            return false;
        }
        status[i] = (byte) team.status().ordinal();
        teams.set(i, team);
        return true;
    }

    @Nullable
    Team team(UUID id) {
        Integer i = indexOf.get(id);
        return i == null ? null : teams.get(i);
    }

    /** Capabilities a team offers for matching on {@code day}: declared ones plus skills with a valid certificate. */
    long effective(int i, long epochDay) {
        long m = declared[i];
        for (int s = skillStart[i]; s < skillStart[i + 1]; s++) {
            if (skillExpiryDay[s] >= epochDay) {
                m |= 1L << skillBit[s];
            }
        }
        return m;
    }

    /** One ranked team before explanation. */
    record Ranked(
            Team team,
            double score,
            long covered,
            long missing,
            double distanceKm,
            int recentDispatches,
            int equipment) {}

    private record Candidate(int index, double score, long covered, double distanceKm, int equipment) {}

    /**
     * The best {@code limit} standby teams for an event at ({@code lon}, {@code lat}) needing {@code needed}, among
     * teams whose division path starts with one of {@code scopes} (null: every team).
     */
    List<Ranked> rank(long needed, double lon, double lat, LocalDate day, @Nullable List<String> scopes, int limit) {
        int neededCount = Long.bitCount(needed);
        if (neededCount == 0 || limit <= 0) {
            return List.of();
        }
        int[] neededBits = new int[neededCount];
        for (int b = 0, k = 0; b < c; b++) {
            if ((needed & (1L << b)) != 0) {
                neededBits[k++] = b;
            }
        }
        long epochDay = day.toEpochDay();
        double eLat = Math.toRadians(lat);
        double eLon = Math.toRadians(lon);
        double eCos = Math.cos(eLat);
        PriorityQueue<Candidate> best = new PriorityQueue<>(limit + 1, Comparator.comparingDouble(Candidate::score));
        byte standby = (byte) TeamStatus.STANDBY.ordinal();
        for (int i = 0; i < n; i++) {
            if (status[i] != standby) {
                continue;
            }
            long covered = effective(i, epochDay) & needed;
            if (covered == 0) {
                continue;
            }
            if (scopes != null && !inScope(teams.get(i).divisionPath(), scopes)) {
                continue;
            }
            int eq = 0;
            int base = i * c;
            for (int b : neededBits) {
                eq += equipment[base + b];
            }
            double partial = W_COVERAGE * Long.bitCount(covered) / neededCount
                    + fixedScore[i]
                    + W_EQUIPMENT * Math.min(1.0, eq / (double) EQUIPMENT_FULL);
            if (best.size() >= limit && partial + W_DISTANCE <= best.peek().score()) {
                continue;
            }
            double d = haversine(eLat, eLon, eCos, latRad[i], lonRad[i], cosLat[i]);
            double score = partial + W_DISTANCE / (1.0 + d / DISTANCE_SCALE_KM);
            if (best.size() < limit) {
                best.add(new Candidate(i, score, covered, d, eq));
            } else if (score > best.peek().score()) {
                best.poll();
                best.add(new Candidate(i, score, covered, d, eq));
            }
        }
        List<Candidate> sorted = new ArrayList<>(best);
        sorted.sort(Comparator.comparingDouble(Candidate::score)
                .reversed()
                .thenComparingDouble(Candidate::distanceKm)
                .thenComparing(x -> teams.get(x.index()).name()));
        List<Ranked> out = new ArrayList<>(sorted.size());
        for (Candidate x : sorted) {
            Team t = teams.get(x.index());
            if (t.status() != TeamStatus.STANDBY) {
                continue; // dispatched while this request ran
            }
            out.add(new Ranked(
                    t, x.score(), x.covered(), needed & ~x.covered(), x.distanceKm(), load[x.index()], x.equipment()));
        }
        return out;
    }

    static double readinessScore(int readiness) {
        return switch (readiness) {
            case 1 -> 1.0;
            case 2 -> 0.6;
            default -> 0.3;
        };
    }

    private static boolean inScope(String path, List<String> scopes) {
        for (String s : scopes) {
            if (path.startsWith(s)) {
                return true;
            }
        }
        return false;
    }

    static double haversine(double lat1, double lon1, double cos1, double lat2, double lon2, double cos2) {
        double sLat = Math.sin((lat2 - lat1) / 2);
        double sLon = Math.sin((lon2 - lon1) / 2);
        double a = sLat * sLat + cos1 * cos2 * sLon * sLon;
        return 2 * EARTH_KM * Math.asin(Math.min(1.0, Math.sqrt(a)));
    }

    /** Great-circle distance in km between two WGS-84 points given in degrees. */
    static double distanceKm(double lon1, double lat1, double lon2, double lat2) {
        double a = Math.toRadians(lat1);
        double b = Math.toRadians(lat2);
        return haversine(a, Math.toRadians(lon1), Math.cos(a), b, Math.toRadians(lon2), Math.cos(b));
    }
}
