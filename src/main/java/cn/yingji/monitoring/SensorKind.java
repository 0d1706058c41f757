package cn.yingji.monitoring;

/** What a sensor measures (domain-rules.md §5.3: temperature, pressure, level, flow, composition, gas leaks …). */
public enum SensorKind {
    WATER_LEVEL,
    RAINFALL,
    FLAMMABLE_GAS,
    TOXIC_GAS,
    TEMPERATURE,
    PRESSURE,
    TANK_LEVEL,
    FLOW,
    DISPLACEMENT,
    WIND,
    VIDEO_AI
}
