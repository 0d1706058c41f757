package cn.yingji.monitoring;

import java.util.UUID;

/** Registers monitoring points and sensors (used by the pages, the API and the demo loader). Writes are audited. */
public interface MonitoringAdministration {

    /** Registers a point; division and grid come from its position. */
    MonitoringPoint createPoint(NewPoint point);

    /** Adds a sensor to a point. */
    Sensor addSensor(UUID pointId, NewSensor sensor);

    /** The point with this code, if registered and visible. */
    java.util.Optional<MonitoringPoint> findPointByCode(String code);
}
