package cn.yingji.command;

/** Emergency response levels; I is the highest (一级响应), IV the lowest. */
public enum ResponseLevel {
    I,
    II,
    III,
    IV;

    /** True when this level is higher (more severe) than {@code other}. */
    public boolean higherThan(ResponseLevel other) {
        return ordinal() < other.ordinal();
    }
}
