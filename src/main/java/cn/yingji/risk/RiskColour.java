package cn.yingji.risk;

/**
 * The four risk levels and their colours (安委办〔2016〕11号): 重大/红, 较大/橙, 一般/黄, 低/蓝. Declared from the
 * most to the least severe.
 */
public enum RiskColour {
    /** 重大风险. */
    RED,
    /** 较大风险. */
    ORANGE,
    /** 一般风险. */
    YELLOW,
    /** 低风险. */
    BLUE;

    /** 4 for red down to 1 for blue, so a larger number is more severe. */
    public int severity() {
        return 4 - ordinal();
    }

    /** The more severe of two colours; a null side loses. */
    public static RiskColour worst(RiskColour a, RiskColour b) {
        return a.severity() >= b.severity() ? a : b;
    }
}
