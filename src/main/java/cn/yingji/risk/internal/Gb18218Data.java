package cn.yingji.risk.internal;

import cn.yingji.risk.Gb18218Table;
import cn.yingji.risk.Gb18218Table.AlphaBand;
import cn.yingji.risk.Gb18218Table.GradeBand;
import cn.yingji.risk.Gb18218Table.HazardClass;
import cn.yingji.risk.Gb18218Table.Substance;
import cn.yingji.risk.HazardGrade;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The GB 18218-2018 tables, read once from {@code classpath:risk/gb18218-2018.csv}. The file's leading comment block
 * is its source statement. A malformed file stops the application at start-up rather than grading wrongly.
 */
@Component
class Gb18218Data {

    static final String RESOURCE = "risk/gb18218-2018.csv";

    private final Gb18218Table table;
    private final Map<String, Substance> substances = new LinkedHashMap<>();
    private final Map<String, HazardClass> classes = new LinkedHashMap<>();

    Gb18218Data() {
        this(open());
    }

    Gb18218Data(InputStream in) {
        this.table = parse(in);
        table.substances().forEach(s -> substances.put(s.code(), s));
        table.classes().forEach(c -> classes.put(c.code().toUpperCase(Locale.ROOT), c));
    }

    private static InputStream open() {
        try {
            return new ClassPathResource(RESOURCE).getInputStream();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    Gb18218Table table() {
        return table;
    }

    Optional<Substance> substance(String code) {
        return Optional.ofNullable(substances.get(code.strip()));
    }

    Optional<HazardClass> hazardClass(String code) {
        return Optional.ofNullable(classes.get(code.strip().toUpperCase(Locale.ROOT)));
    }

    static Gb18218Table parse(InputStream in) {
        StringBuilder source = new StringBuilder();
        List<Substance> substances = new ArrayList<>();
        List<HazardClass> classes = new ArrayList<>();
        List<AlphaBand> alphas = new ArrayList<>();
        List<GradeBand> grades = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            boolean header = false;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.startsWith("#")) {
                    source.append(line.substring(1).strip()).append('\n');
                    continue;
                }
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",", -1);
                if (f.length != 14) {
                    throw new IllegalStateException(RESOURCE + " line " + n + ": expected 14 columns");
                }
                if (!header) {
                    header = true;
                    continue;
                }
                boolean verified = Boolean.parseBoolean(f[11].strip());
                boolean betaVerified = Boolean.parseBoolean(f[12].strip());
                switch (f[0].strip()) {
                    case "T1" ->
                        substances.add(new Substance(
                                f[1].strip(),
                                f[2].strip(),
                                blank(f[3]),
                                decimal(f[4], n),
                                optionalDecimal(f[5], n),
                                blank(f[6]),
                                verified,
                                betaVerified,
                                blank(f[13])));
                    case "T2" ->
                        classes.add(new HazardClass(
                                f[1].strip(),
                                f[2].strip(),
                                decimal(f[4], n),
                                decimal(f[5], n),
                                verified && betaVerified));
                    case "ALPHA" ->
                        alphas.add(new AlphaBand(
                                Integer.parseInt(f[7].strip()),
                                blank(f[8]) == null ? null : Integer.valueOf(f[8].strip()),
                                decimal(f[9], n),
                                verified));
                    case "GRADE" ->
                        grades.add(new GradeBand(
                                HazardGrade.of(Integer.parseInt(f[1].strip())), optionalDecimal(f[10], n), verified));
                    default -> throw new IllegalStateException(RESOURCE + " line " + n + ": unknown table " + f[0]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        alphas.sort(Comparator.comparingInt(AlphaBand::minPeople).reversed());
        grades.sort(Comparator.comparingInt(g -> g.grade().number()));
        check(!substances.isEmpty() && !classes.isEmpty() && !alphas.isEmpty() && grades.size() == 4, "incomplete");
        check(alphas.get(alphas.size() - 1).minPeople() == 0, "α must start at 0 people");
        return new Gb18218Table(source.toString().strip(), substances, classes, alphas, grades);
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException(RESOURCE + ": " + what);
        }
    }

    private static @Nullable String blank(String s) {
        String v = s.strip();
        return v.isEmpty() ? null : v;
    }

    private static BigDecimal decimal(String s, int line) {
        BigDecimal d = optionalDecimal(s, line);
        if (d == null || d.signum() <= 0) {
            throw new IllegalStateException(RESOURCE + " line " + line + ": positive number required");
        }
        return d;
    }

    private static @Nullable BigDecimal optionalDecimal(String s, int line) {
        String v = s.strip();
        if (v.isEmpty()) {
            return null;
        }
        try {
            return new BigDecimal(v);
        } catch (NumberFormatException e) {
            throw new IllegalStateException(RESOURCE + " line " + line + ": not a number: " + v, e);
        }
    }
}
