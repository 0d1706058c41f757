package cn.yingji.incident;

/** Lifecycle of an event record. Later modules (response, command) react to events, not to this state. */
public enum IncidentState {
    /** 已接报: recorded by the duty desk. */
    REPORTED,
    /** 已核实: confirmed on the spot. */
    VERIFIED,
    /** 已结案: closed. */
    CLOSED
}
