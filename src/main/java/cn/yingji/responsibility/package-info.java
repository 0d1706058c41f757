/**
 * Responsibility system (应急责任体系): duty lists (职责清单) and work lists (工作清单) bound to positions so they
 * survive turnover, with versions, publication and items completed with evidence by the position's current holder;
 * the 三管三必须 supervision matrix (industry → department, as data); chiefs (行政首长负责制) and 包保 persons bound to
 * positions, with the yearly contact check and its board per district.
 */
@ApplicationModule(
        displayName = "Responsibility",
        allowedDependencies = {"shared", "identity", "geo", "directory", "incident", "portal"})
@NullMarked
package cn.yingji.responsibility;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
