package cn.yingji.directory;

/** What kind of body an organisation is. */
public enum OrganisationKind {
    /** A government department or agency (政府部门), e.g. the emergency management bureau or a water bureau. */
    GOVERNMENT_DEPARTMENT,
    /** An enterprise (生产经营单位); requires a valid unified social credit code. */
    ENTERPRISE,
    /** A rescue organisation (救援组织), professional or social. */
    RESCUE_ORGANISATION,
    /** Anything else: associations, schools, hospitals, village committees … */
    OTHER
}
