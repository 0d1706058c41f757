package cn.yingji.monitoring;

/**
 * The four warning levels of the Emergency Response Law (Art. 63): level I is the most severe (red), level IV the
 * least (blue). Declared from least to most severe, so {@code compareTo} orders by severity.
 */
public enum WarningLevel {
    /** 蓝色, level IV. */
    BLUE,
    /** 黄色, level III. */
    YELLOW,
    /** 橙色, level II. */
    ORANGE,
    /** 红色, level I. */
    RED
}
