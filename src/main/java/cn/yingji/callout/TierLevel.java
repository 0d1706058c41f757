package cn.yingji.callout;

/** Administrative level of a tier, i.e. the depth of its divisions in the materialised path. */
public enum TierLevel {
    /** 市. */
    CITY(1),
    /** 区县. */
    COUNTY(2),
    /** 乡镇街道. */
    TOWNSHIP(3),
    /** 村社区. */
    VILLAGE(4),
    /** 网格. */
    GRID(5);

    private final int depth;

    TierLevel(int depth) {
        this.depth = depth;
    }

    /** Number of segments of a division path at this level. */
    public int depth() {
        return depth;
    }
}
