/**
 * Grassroots system (基层组织体系): grid workers' patrols — check-ins with time, place and duty (一岗多能: safety,
 * fire, flood, information reporting), flagged when the place lies outside the grid, findings handed on as events,
 * and weekly coverage (which grids were not patrolled).
 */
@ApplicationModule(
        displayName = "Grassroots",
        allowedDependencies = {"shared", "identity", "geo", "directory", "portal"})
@NullMarked
package cn.yingji.grassroots;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
