/**
 * Risk prevention (风险防控): risk points of enterprises and places assessed by LEC or the LS matrix into the four
 * colours (安全风险分级管控, bands kept as configuration), control measures bound to directory positions by control
 * level, the four-colour map and trends; and hazardous-chemical major hazard sources identified and graded by
 * GB 18218-2018 from their inventories (threshold and correction tables loaded from a data file). Publishes
 * {@link cn.yingji.risk.RiskAssessed} and {@link cn.yingji.risk.MajorHazardSourceGraded}. Does not hold hidden
 * hazards (see {@code hazard}) nor the enterprises themselves (see {@code directory}).
 */
@ApplicationModule(
        displayName = "Risk",
        allowedDependencies = {"shared", "identity", "geo", "portal", "directory", "responsibility"})
@NullMarked
package cn.yingji.risk;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
