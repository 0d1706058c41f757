package cn.yingji.directory;

import java.util.List;

/**
 * Well-known position kind codes. Kinds are data: any code matching {@link #PATTERN} is accepted; these constants
 * exist so modules that look positions up (叫应, responsibility lists) spell them the same way.
 */
public final class PositionKinds {

    /** Syntax of a kind code. */
    public static final String PATTERN = "[A-Z][A-Z0-9_]{1,63}";

    /** Commander of a flood and drought headquarters (防汛抗旱指挥部指挥长, 行政首长). */
    public static final String FLOOD_CHIEF = "FLOOD_CHIEF";
    /** Township or street party secretary (乡镇街道党委书记). */
    public static final String TOWNSHIP_PARTY_SECRETARY = "TOWNSHIP_PARTY_SECRETARY";
    /** Township head or street director (乡镇长/街道办主任). */
    public static final String TOWNSHIP_HEAD = "TOWNSHIP_HEAD";
    /** Village or community flood contact (村社区防汛责任人). */
    public static final String VILLAGE_FLOOD_CONTACT = "VILLAGE_FLOOD_CONTACT";
    /** Grid worker (网格员). */
    public static final String GRID_WORKER = "GRID_WORKER";
    /** Village information reporter (信息员, 突发事件应对法 Art. 60). */
    public static final String INFO_REPORTER = "INFO_REPORTER";
    /** Duty officer position of a duty office (值班员). */
    public static final String DUTY_OFFICER = "DUTY_OFFICER";
    /** Head of a department (部门负责人). */
    public static final String DEPARTMENT_HEAD = "DEPARTMENT_HEAD";
    /** District or county head (区县长). */
    public static final String DISTRICT_HEAD = "DISTRICT_HEAD";
    /** Person responsible for safety in an enterprise (企业安全生产负责人). */
    public static final String ENTERPRISE_SAFETY_HEAD = "ENTERPRISE_SAFETY_HEAD";

    /** The well-known kinds, in a stable order (the UI offers them first). */
    public static final List<String> WELL_KNOWN = List.of(
            FLOOD_CHIEF,
            DISTRICT_HEAD,
            TOWNSHIP_PARTY_SECRETARY,
            TOWNSHIP_HEAD,
            VILLAGE_FLOOD_CONTACT,
            GRID_WORKER,
            INFO_REPORTER,
            DUTY_OFFICER,
            DEPARTMENT_HEAD,
            ENTERPRISE_SAFETY_HEAD);

    private PositionKinds() {}

    /** True when {@code code} is a syntactically valid kind code. */
    public static boolean isValid(String code) {
        return code != null && code.matches(PATTERN);
    }
}
