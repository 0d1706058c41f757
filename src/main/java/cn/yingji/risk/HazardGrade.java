package cn.yingji.risk;

/** Grade of a major hazard source by GB 18218-2018 (一级 is the most dangerous). */
public enum HazardGrade {
    /** 一级. */
    FIRST(1),
    /** 二级. */
    SECOND(2),
    /** 三级. */
    THIRD(3),
    /** 四级. */
    FOURTH(4);

    private final int number;

    HazardGrade(int number) {
        this.number = number;
    }

    /** 1 for 一级 … 4 for 四级. */
    public int number() {
        return number;
    }

    /** The grade with this number. */
    public static HazardGrade of(int number) {
        for (HazardGrade g : values()) {
            if (g.number == number) {
                return g;
            }
        }
        throw new IllegalArgumentException("no grade " + number);
    }
}
