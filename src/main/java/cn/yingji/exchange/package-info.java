/**
 * Data sharing with other departments (部门间数据共享): API clients with hashed keys, scopes per resource, a
 * jurisdiction and a rate limit; an incremental sync feed over a change log fed by the other modules' events;
 * HMAC-signed webhooks with a durable delivery queue; the import centre and GeoJSON exports.
 */
@ApplicationModule(
        displayName = "Exchange",
        allowedDependencies = {
            "shared",
            "identity",
            "geo",
            "incident",
            "hazard",
            "resource",
            "risk",
            "directory",
            "monitoring",
            "portal"
        })
@NullMarked
package cn.yingji.exchange;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
