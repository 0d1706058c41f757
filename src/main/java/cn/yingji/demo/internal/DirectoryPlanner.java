package cn.yingji.demo.internal;

import cn.yingji.demo.internal.DirectoryPlan.Chunk;
import cn.yingji.demo.internal.DirectoryPlan.Desk;
import cn.yingji.demo.internal.DirectoryPlan.Member;
import cn.yingji.demo.internal.DirectoryPlan.Org;
import cn.yingji.demo.internal.DirectoryPlan.PlannedShift;
import cn.yingji.demo.internal.DirectoryPlan.Post;
import cn.yingji.directory.ChannelType;
import cn.yingji.directory.NewContactChannel;
import cn.yingji.directory.NewOrganisation;
import cn.yingji.directory.NewPerson;
import cn.yingji.directory.NewPosition;
import cn.yingji.directory.NewShift;
import cn.yingji.directory.OrganisationId;
import cn.yingji.directory.OrganisationKind;
import cn.yingji.directory.PersonId;
import cn.yingji.directory.PositionId;
import cn.yingji.directory.PositionKinds;
import cn.yingji.directory.ShiftId;
import cn.yingji.directory.ShiftRole;
import cn.yingji.directory.SocialCreditCode;
import cn.yingji.geo.DivisionDraft;
import cn.yingji.geo.Grid;
import cn.yingji.geo.GridDraft;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Plans the demo city's directory from its divisions: the departments of the city and of every county, township
 * offices, ~2,000 fictitious persons, positions per level with their holders, duty desks for the roster, and the
 * persons behind the demo accounts. Pure and deterministic: ids are name-based UUIDs, names and numbers come from
 * the seed.
 */
final class DirectoryPlanner {

    /** The county used for the district-level demo accounts and the full grid-worker roster. */
    static final String DEMO_COUNTY = "340102000000";

    /** The township of the township-level demo account. */
    static final String DEMO_TOWNSHIP = "340102001000";

    /** The grid of the grid-worker demo account: first grid of the township's first community. */
    static final String DEMO_GRID = "340102001001001";

    /** When every shift of the roster starts (and the previous one ends), local time. */
    static final LocalTime SHIFT_CHANGE = LocalTime.of(8, 0);

    private record Dept(String key, String cityName, String districtName, String countyName) {}

    private static final List<Dept> DEPARTMENTS = List.of(
            new Dept("ema", "应急管理局", "应急管理局", "应急管理局"),
            new Dept("water", "水务局", "水务局", "水利局"),
            new Dept("weather", "气象局", "", "气象局"),
            new Dept("transport", "交通运输局", "交通运输局", "交通运输局"),
            new Dept("land", "自然资源和规划局", "自然资源和规划分局", "自然资源和规划局"),
            new Dept("police", "公安局", "公安分局", "公安局"),
            new Dept("fire", "消防救援支队", "消防救援大队", "消防救援大队"),
            new Dept("construction", "城乡建设局", "住房和城乡建设局", "住房和城乡建设局"),
            new Dept("health", "卫生健康委员会", "卫生健康委员会", "卫生健康委员会"));

    private final DemoPeople people;
    private final List<Chunk> chunks = new ArrayList<>();
    private final Map<String, OrganisationId> townOffices = new HashMap<>();
    private String chunkKey = "";
    private List<Org> orgs = new ArrayList<>();
    private List<Member> persons = new ArrayList<>();
    private List<Post> posts = new ArrayList<>();
    private final List<Desk> desks = new ArrayList<>();
    private final Map<String, PersonId> accountPersons = new LinkedHashMap<>();

    DirectoryPlanner(long seed) {
        this.people = new DemoPeople(seed);
    }

    /** Name-based id: the same key gives the same UUID on every run and every machine. */
    static UUID id(String key) {
        return UUID.nameUUIDFromBytes(("yingji-demo:" + key).getBytes(StandardCharsets.UTF_8));
    }

    /** Materialised paths of every division of the city, as {@code geo} computes them. */
    static Map<String, String> paths(GeneratedCity city) {
        Map<String, String> paths = new HashMap<>();
        for (DivisionDraft d : city.divisions()) {
            String parent = d.parent() == null ? "/" : paths.get(d.parent().value());
            paths.put(d.code().value(), parent + d.code().value() + "/");
        }
        return paths;
    }

    DirectoryPlan plan(GeneratedCity city) {
        Map<String, String> paths = paths(city);
        Map<String, List<DivisionDraft>> children = new HashMap<>();
        DivisionDraft root = null;
        for (DivisionDraft d : city.divisions()) {
            if (d.parent() == null) {
                root = d;
            } else {
                children.computeIfAbsent(d.parent().value(), k -> new ArrayList<>())
                        .add(d);
            }
        }
        if (root == null) {
            throw new IllegalStateException("no city");
        }
        String cityPath = paths.get(root.code().value());

        // City level.
        begin("city");
        OrganisationId cityGov =
                org("gov:" + root.code(), root.name() + "人民政府", OrganisationKind.GOVERNMENT_DEPARTMENT, null, cityPath);
        PersonId mayor = person("mayor:" + root.code(), cityGov, cityPath, "市长");
        post(
                "flood-chief:" + root.code(),
                root.name() + "防汛抗旱指挥部指挥长",
                PositionKinds.FLOOD_CHIEF,
                cityPath,
                cityGov,
                mayor);
        Map<String, OrganisationId> cityDepts = departments(root, cityPath, cityGov, null);
        OrganisationId cityEma = cityDepts.get("ema");
        desk("city", cityPath, cityEma, 2, 4, 2);
        accountPersons.put("commander", head(root.code().value(), "ema"));
        accountPersons.put("dept.water", head(root.code().value(), "water"));

        // Counties, townships, villages.
        for (DivisionDraft county : children.getOrDefault(root.code().value(), List.of())) {
            String code = county.code().value();
            begin(code + " " + county.name());
            String path = paths.get(code);
            boolean district = county.name().endsWith("区");
            String headTitle = district ? "区长" : county.name().endsWith("县") ? "县长" : "市长";
            OrganisationId gov =
                    org("gov:" + code, county.name() + "人民政府", OrganisationKind.GOVERNMENT_DEPARTMENT, cityGov, path);
            PersonId head = person("district-head:" + code, gov, path, headTitle);
            post("district-head:" + code, county.name() + headTitle, PositionKinds.DISTRICT_HEAD, path, gov, head);
            post("flood-chief:" + code, county.name() + "防汛抗旱指挥部指挥长", PositionKinds.FLOOD_CHIEF, path, gov, head);
            Map<String, OrganisationId> depts = departments(county, path, gov, district);
            desk(code, path, depts.get("ema"), 1, 3, 1);
            for (DivisionDraft town : children.getOrDefault(code, List.of())) {
                township(town, paths, children, code.equals(DEMO_COUNTY));
            }
        }
        accountPersons.put("district.yaohai", deputy(DEMO_COUNTY, 1));
        accountPersons.put("township.mingguang", idOf("township-head:" + DEMO_TOWNSHIP));

        // A social rescue organisation and an enterprise in the demo district.
        begin("rescue and enterprise");
        String demoCountyPath = paths.get(DEMO_COUNTY);
        OrganisationId rescue =
                org("rescue:" + DEMO_COUNTY, "瑶海区蓝天救援队", OrganisationKind.RESCUE_ORGANISATION, null, demoCountyPath);
        PersonId captain = person("rescue-captain:" + DEMO_COUNTY, rescue, demoCountyPath, "队长");
        post("rescue-captain:" + DEMO_COUNTY, "瑶海区蓝天救援队队长", "RESCUE_TEAM_LEADER", demoCountyPath, rescue, captain);
        accountPersons.put("rescue.leader", captain);

        String enterprisePath = enterprisePath(paths);
        String first17 = "91" + DEMO_COUNTY.substring(0, 6) + "MA2DEMX01";
        String creditCode = first17 + SocialCreditCode.checkCharacter(first17);
        OrganisationId enterprise = orgWithCode(
                "enterprise:" + DEMO_COUNTY, "合肥演示化工有限公司", OrganisationKind.ENTERPRISE, creditCode, enterprisePath);
        PersonId safetyHead = person("enterprise-safety:" + DEMO_COUNTY, enterprise, enterprisePath, "安全生产负责人");
        post(
                "enterprise-safety:" + DEMO_COUNTY,
                "合肥演示化工有限公司安全生产负责人",
                PositionKinds.ENTERPRISE_SAFETY_HEAD,
                enterprisePath,
                enterprise,
                safetyHead);
        accountPersons.put("enterprise", safetyHead);

        accountPersons.put("grid.mingguang", idOf("grid-worker:" + DEMO_GRID));
        if (!city.grids().isEmpty()) {
            List<Grid> grids = new ArrayList<>();
            for (GridDraft g : city.grids()) {
                String villagePath = paths.get(g.village().value());
                grids.add(new Grid(g.code(), g.name(), g.village(), villagePath + g.code() + "/"));
            }
            gridWorkers(grids);
        }
        end();
        return new DirectoryPlan(chunks, desks, accountPersons);
    }

    /**
     * Adds the chunk of grid workers (one per grid of the demo township) to a plan made by {@link #plan} on this
     * planner, so their names continue the same random sequence.
     *
     * @param grids grids of the city (others than the demo township's are ignored)
     * @return the chunk, or null when the township has no grids
     */
    DirectoryPlan.@Nullable Chunk gridWorkers(List<Grid> grids) {
        begin("grid workers " + DEMO_TOWNSHIP);
        for (Grid g : grids) {
            if (!g.code().startsWith(DEMO_TOWNSHIP.substring(0, 9))) {
                continue;
            }
            String townPath = g.path().substring(0, g.path().length() - 29);
            OrganisationId office = townOffices.get(townPath);
            PersonId worker = person("grid-worker:" + g.code(), office, g.path(), "专职网格员");
            post("grid-worker:" + g.code(), g.name() + "网格员", PositionKinds.GRID_WORKER, g.path(), office, worker);
        }
        int before = chunks.size();
        end();
        return chunks.size() > before ? chunks.get(chunks.size() - 1) : null;
    }

    private void begin(String key) {
        end();
        chunkKey = key;
    }

    private void end() {
        if (!persons.isEmpty()) {
            chunks.add(new Chunk(chunkKey, orgs, persons, posts));
        }
        orgs = new ArrayList<>();
        persons = new ArrayList<>();
        posts = new ArrayList<>();
    }

    private void township(
            DivisionDraft town, Map<String, String> paths, Map<String, List<DivisionDraft>> children, boolean demo) {
        String code = town.code().value();
        String path = paths.get(code);
        boolean street = town.name().endsWith("街道");
        boolean xiang = town.name().endsWith("乡");
        String office = town.name() + (street ? "办事处" : "人民政府");
        OrganisationId org = org("township:" + code, office, OrganisationKind.GOVERNMENT_DEPARTMENT, null, path);
        townOffices.put(path, org);
        String secretaryTitle = street ? "党工委书记" : "党委书记";
        String headTitle = street ? "办事处主任" : xiang ? "乡长" : "镇长";
        PersonId secretary = person("township-secretary:" + code, org, path, secretaryTitle);
        PersonId head = person("township-head:" + code, org, path, headTitle);
        post(
                "township-secretary:" + code,
                town.name() + secretaryTitle,
                PositionKinds.TOWNSHIP_PARTY_SECRETARY,
                path,
                org,
                secretary);
        post("township-head:" + code, town.name() + headTitle, PositionKinds.TOWNSHIP_HEAD, path, org, head);
        post("township-flood-chief:" + code, town.name() + "防汛责任人", PositionKinds.FLOOD_CHIEF, path, org, head);
        for (DivisionDraft village : children.getOrDefault(code, List.of())) {
            String vcode = village.code().value();
            String vpath = paths.get(vcode);
            boolean community = village.name().contains("社区");
            String title = community ? "社区党组织书记" : "村党组织书记";
            PersonId contact = person("village-contact:" + vcode, null, vpath, title);
            post(
                    "village-contact:" + vcode,
                    CityGenerator.shortName(village.name()) + "防汛责任人",
                    PositionKinds.VILLAGE_FLOOD_CONTACT,
                    vpath,
                    null,
                    contact);
            if (code.equals(DEMO_TOWNSHIP)) {
                // 一岗多能: in the demo street the village contact is also its information reporter (信息员)
                post(
                        "info-reporter:" + vcode,
                        CityGenerator.shortName(village.name()) + "信息员",
                        PositionKinds.INFO_REPORTER,
                        vpath,
                        null,
                        contact);
            }
        }
    }

    /** Departments of a city ({@code district == null}) or county, each with its head; returns them by key. */
    private Map<String, OrganisationId> departments(
            DivisionDraft division, String path, OrganisationId gov, @Nullable Boolean district) {
        Map<String, OrganisationId> out = new LinkedHashMap<>();
        String code = division.code().value();
        for (Dept d : DEPARTMENTS) {
            String suffix = district == null ? d.cityName() : district ? d.districtName() : d.countyName();
            if (suffix.isEmpty()) {
                continue;
            }
            String name = division.name() + suffix;
            OrganisationId org =
                    org("dept:" + d.key() + ":" + code, name, OrganisationKind.GOVERNMENT_DEPARTMENT, gov, path);
            String title =
                    suffix.endsWith("局") ? "局长" : suffix.endsWith("支队") ? "支队长" : suffix.endsWith("大队") ? "大队长" : "主任";
            PersonId head = person("dept-head:" + d.key() + ":" + code, org, path, title);
            post("dept-head:" + d.key() + ":" + code, name + title, PositionKinds.DEPARTMENT_HEAD, path, org, head);
            out.put(d.key(), org);
        }
        return out;
    }

    /** The duty desk of a bureau: the head and {@code deputies} deputies lead, {@code officers} officers sit. */
    private void desk(String key, String path, OrganisationId ema, int deputies, int officers, int perShift) {
        String code = key.equals("city") ? path.substring(1, 13) : key;
        List<PersonId> leaders = new ArrayList<>();
        leaders.add(head(code, "ema"));
        for (int i = 1; i <= deputies; i++) {
            PersonId deputy = person("ema-deputy:" + code + ":" + i, ema, path, "副局长");
            leaders.add(deputy);
        }
        List<PersonId> duty = new ArrayList<>();
        for (int i = 1; i <= officers; i++) {
            PersonId officer = person("duty-officer:" + code + ":" + i, ema, path, "值班员");
            post("duty-officer:" + code + ":" + i, "应急值班员（" + i + "）", PositionKinds.DUTY_OFFICER, path, ema, officer);
            duty.add(officer);
        }
        desks.add(new Desk(path, ema, leaders, duty, perShift));
        if (key.equals("city")) {
            accountPersons.put("duty", duty.get(0));
        } else if (key.equals(DEMO_COUNTY)) {
            accountPersons.put("duty.yaohai", duty.get(0));
        }
    }

    /**
     * The roster of every desk for the 14 days starting on the Monday of {@code today}'s week (this week and the
     * next): 24-hour shifts from {@link #SHIFT_CHANGE}, one leader and the desk's number of officers each, in
     * rotation. {@code today} is the duty day of the shift in progress.
     */
    static List<PlannedShift> roster(DirectoryPlan plan, LocalDate today, ZoneId zone) {
        LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        List<PlannedShift> out = new ArrayList<>();
        for (Desk desk : plan.desks()) {
            for (int day = 0; day < 14; day++) {
                LocalDate date = monday.plusDays(day);
                var start = date.atTime(SHIFT_CHANGE).atZone(zone).toInstant();
                var end = date.plusDays(1).atTime(SHIFT_CHANGE).atZone(zone).toInstant();
                long n = date.toEpochDay();
                String base = "shift:" + desk.divisionPath() + ":" + date + ":";
                PersonId leader =
                        desk.leaders().get((int) Math.floorMod(n, desk.leaders().size()));
                out.add(new PlannedShift(
                        new ShiftId(id(base + "leader")),
                        new NewShift(
                                desk.divisionPath(),
                                desk.office(),
                                start,
                                end,
                                ShiftRole.LEADER_ON_DUTY,
                                leader,
                                null)));
                for (int k = 0; k < desk.officersPerShift(); k++) {
                    int i = (int) Math.floorMod(
                            n * desk.officersPerShift() + k, desk.officers().size());
                    out.add(new PlannedShift(
                            new ShiftId(id(base + "officer:" + k)),
                            new NewShift(
                                    desk.divisionPath(),
                                    desk.office(),
                                    start,
                                    end,
                                    ShiftRole.DUTY_OFFICER,
                                    desk.officers().get(i),
                                    null)));
                }
            }
        }
        return out;
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    private String enterprisePath(Map<String, String> paths) {
        String village = DEMO_TOWNSHIP.substring(0, 9) + "002";
        String p = paths.get(village);
        return p != null ? p : paths.get(DEMO_COUNTY);
    }

    private PersonId head(String code, String dept) {
        return idOf("dept-head:" + dept + ":" + code);
    }

    private PersonId deputy(String code, int i) {
        return idOf("ema-deputy:" + code + ":" + i);
    }

    private static PersonId idOf(String key) {
        return new PersonId(id("person:" + key));
    }

    private OrganisationId org(
            String key, String name, OrganisationKind kind, @Nullable OrganisationId parent, String path) {
        OrganisationId id = new OrganisationId(id("org:" + key));
        orgs.add(new Org(id, new NewOrganisation(kind, name, null, null, parent, path, null, null, null)));
        return id;
    }

    private OrganisationId orgWithCode(String key, String name, OrganisationKind kind, String creditCode, String path) {
        OrganisationId id = new OrganisationId(id("org:" + key));
        orgs.add(new Org(id, new NewOrganisation(kind, name, null, creditCode, null, path, null, null, null)));
        return id;
    }

    private PersonId person(String key, @Nullable OrganisationId org, String path, String title) {
        PersonId id = idOf(key);
        DemoPeople.Someone s = people.next();
        persons.add(new Member(
                id,
                new NewPerson(
                        s.name(),
                        s.gender(),
                        org,
                        path,
                        title,
                        List.of(new NewContactChannel(ChannelType.MOBILE, s.mobile(), true)))));
        return id;
    }

    private void post(
            String key, String name, String kind, String path, @Nullable OrganisationId org, PersonId holder) {
        posts.add(
                new Post(new PositionId(id("position:" + key)), new NewPosition(name, kind, path, org, null), holder));
    }
}
