package cn.yingji.identity;

/**
 * Roles of platform users. A role says what kind of work a user does; where they may do it comes from their
 * {@link Jurisdiction}.
 */
public enum Role {
    /** System administrator: users, reference tables, configuration. */
    ADMIN,
    /** Bureau duty officer (值班员): intake, reporting, first verification. */
    DUTY_OFFICER,
    /** Commander (指挥长): response activation, decisions, instructions. */
    COMMANDER,
    /** Officer of another department (water, meteorology, transport, natural resources …). */
    DEPARTMENT_OFFICER,
    /** District or county official (区县). */
    DISTRICT_OFFICER,
    /** Township or street official (乡镇街道). */
    TOWNSHIP_OFFICER,
    /** Grid worker (网格员). */
    GRID_WORKER,
    /** Rescue team leader (救援队长). */
    RESCUE_LEADER,
    /** User acting for an enterprise (生产经营单位). */
    ENTERPRISE_USER;

    /** The Spring Security authority name, {@code ROLE_<name>}. */
    public String authority() {
        return "ROLE_" + name();
    }
}
