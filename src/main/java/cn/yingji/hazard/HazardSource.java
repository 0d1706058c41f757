package cn.yingji.hazard;

/** Who found the hazard. */
public enum HazardSource {
    /** A resident (随手拍), possibly anonymous. */
    RESIDENT,
    /** A grid worker on patrol. */
    GRID_WORKER,
    /** The enterprise's own inspection (自查). */
    ENTERPRISE,
    /** An inspector of a department or a government level. */
    INSPECTOR
}
