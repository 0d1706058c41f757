/**
 * The deterministic demo city: a synthetic city on the real 合肥市 division codes (counties, townships, villages)
 * with generated boundaries tiling their parents, grids, departments, persons, positions, a duty roster and demo
 * accounts for every role. Loaded on start in demo mode only, idempotently; it owns no business data of its own and
 * writes only through the facades of {@code geo}, {@code directory}, {@code identity}, {@code incident} and
 * {@code resource}.
 */
@ApplicationModule(
        displayName = "Demo",
        allowedDependencies = {
            "shared",
            "geo",
            "identity",
            "directory",
            "incident",
            "command",
            "hazard",
            "resource",
            "risk",
            "monitoring",
            "callout",
            "notify",
            "stats",
            "exchange"
        })
@NullMarked
package cn.yingji.demo;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
