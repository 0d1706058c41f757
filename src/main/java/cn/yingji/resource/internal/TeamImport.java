package cn.yingji.resource.internal;

import cn.yingji.resource.NewTeam;
import cn.yingji.resource.Team;
import cn.yingji.resource.TeamId;
import cn.yingji.resource.TeamImports;
import cn.yingji.resource.TeamKind;
import cn.yingji.shared.DomainException.FieldError;
import cn.yingji.shared.InvalidInputException;
import cn.yingji.shared.TableIo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Team import from CSV or XLSX, all or nothing: every row is validated first and every problem is reported with its
 * line number ({@code row[3].headcount}); only a file without problems is written, in one transaction.
 */
@Component
class TeamImport implements TeamImports {

    static final List<String> COLUMNS = List.of(
            "name",
            "kind",
            "organisation",
            "base",
            "headcount",
            "primaryCapability",
            "capabilities",
            "readiness",
            "lon",
            "lat",
            "divisionCode",
            "leaderUsername",
            "phone");

    private final TeamService teams;
    private final ResourceRoles roles;

    TeamImport(TeamService teams, ResourceRoles roles) {
        this.teams = teams;
        this.roles = roles;
    }

    @Override
    public List<String> columns() {
        return COLUMNS;
    }

    @Override
    public int importTable(String filename, byte[] content) {
        return importFile(filename, content);
    }

    /** Imports the file; returns the number of teams created. */
    int importFile(String filename, byte[] content) {
        roles.requireWriter();
        List<TableIo.Line> lines = TableIo.read(filename, content);
        if (lines.isEmpty()) {
            throw InvalidInputException.field("file", "resource.import.empty");
        }
        if (!lines.get(0).cells().keySet().containsAll(List.of("name", "kind", "primaryCapability"))) {
            throw InvalidInputException.field("file", "resource.import.header", String.join(",", COLUMNS));
        }
        List<FieldError> problems = new ArrayList<>();
        List<Team> valid = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (TableIo.Line line : lines) {
            Errors errors = new Errors("row[" + line.number() + "].");
            NewTeam cmd = command(line, errors);
            Team t = teams.validate(cmd, errors, TeamId.random(), null);
            if (t != null && !seen.add(t.divisionPath() + "|" + t.name())) {
                errors.add("name", "resource.error.duplicateName");
            }
            problems.addAll(errors.list());
            if (t != null && !errors.any()) {
                valid.add(t);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("resource.import.rejected", problems);
        }
        return teams.insertAll(valid);
    }

    static NewTeam command(TableIo.Line line, Errors errors) {
        TeamKind kind = null;
        String k = line.get("kind");
        if (!k.isEmpty()) {
            try {
                kind = TeamKind.valueOf(k.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add("kind", "resource.error.unknownKind", k);
            }
        }
        List<String> caps = Arrays.stream(line.get("capabilities").split("[;；|、,，\\s]+"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .map(s -> s.toUpperCase(Locale.ROOT))
                .toList();
        return new NewTeam(
                line.get("name"),
                kind,
                line.get("organisation"),
                line.get("base"),
                integer(line.get("headcount"), "headcount", errors),
                line.get("primaryCapability").toUpperCase(Locale.ROOT),
                caps,
                integer(line.get("readiness"), "readiness", errors),
                decimal(line.get("lon"), "lon", errors),
                decimal(line.get("lat"), "lat", errors),
                line.get("divisionCode"),
                line.get("leaderUsername"),
                line.get("phone"));
    }

    static @Nullable Integer integer(String text, String field, Errors errors) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            errors.add(field, "resource.error.number");
            return null;
        }
    }

    static @Nullable Double decimal(String text, String field, Errors errors) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            return Double.valueOf(text);
        } catch (NumberFormatException e) {
            errors.add(field, "resource.error.number");
            return null;
        }
    }

    /** A team as an export row, in {@link #COLUMNS} order. */
    static List<?> row(Team t) {
        return Arrays.asList(
                t.name(),
                t.kind().name(),
                t.organisation(),
                t.base(),
                t.headcount(),
                t.primaryCapability(),
                String.join(";", t.capabilities()),
                t.readiness(),
                t.lon(),
                t.lat(),
                divisionCode(t.divisionPath()),
                t.leaderUsername(),
                t.phone());
    }

    /** The 12-digit code of the deepest division in a path (a grid segment is skipped). */
    static String divisionCode(String path) {
        String[] parts = path.split("/");
        for (int i = parts.length - 1; i >= 0; i--) {
            if (parts[i].length() == 12) {
                return parts[i];
            }
        }
        return "";
    }
}
