package cn.yingji.incident;

/**
 * The four grades of Decree 493 Art. 3 and 突发事件应对法 Art. 3, lowest first, with the government that investigates
 * or leads at each grade (Decree 493 Art. 19).
 */
public enum Grade {
    /** 一般: investigated by the county government. */
    GENERAL(GovernmentLevel.COUNTY),
    /** 较大: investigated by the government of the 设区的市. */
    LARGER(GovernmentLevel.CITY),
    /** 重大: investigated by the provincial government. */
    MAJOR(GovernmentLevel.PROVINCE),
    /** 特别重大: investigated by the State Council or a department it authorises. */
    EXTRAORDINARY(GovernmentLevel.STATE_COUNCIL);

    private final GovernmentLevel investigator;

    Grade(GovernmentLevel investigator) {
        this.investigator = investigator;
    }

    /** The government responsible for investigating an accident of this grade (Decree 493 Art. 19). */
    public GovernmentLevel investigator() {
        return investigator;
    }

    /** True when this grade is at least {@code other}. */
    public boolean atLeast(Grade other) {
        return compareTo(other) >= 0;
    }

    /** Levels of government, lowest first. */
    public enum GovernmentLevel {
        COUNTY,
        CITY,
        PROVINCE,
        STATE_COUNCIL
    }
}
