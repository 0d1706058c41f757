/**
 * Monitoring and early warning (监测预警): monitoring points and sensors, telemetry ingestion (HTTP batch and MQTT),
 * threshold rules evaluated on the ingest path, alarms verified by the duty officer, warnings (预警) with level,
 * area, content, measures and validity, and CAP 1.2 / GB/T 35965 exchange. Publishes {@link
 * cn.yingji.monitoring.WarningIssued}, {@link cn.yingji.monitoring.WarningUpdated} and {@link
 * cn.yingji.monitoring.WarningCancelled}; the 叫应 chain ({@code callout}) acts on them.
 */
@ApplicationModule(
        displayName = "Monitoring",
        allowedDependencies = {"shared", "identity", "geo", "directory", "portal"})
@NullMarked
package cn.yingji.monitoring;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
