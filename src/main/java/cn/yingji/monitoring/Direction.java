package cn.yingji.monitoring;

/** Whether a sensor's thresholds are crossed by rising above them (gas, water level) or falling below (pressure). */
public enum Direction {
    ABOVE,
    BELOW
}
