/**
 * Statistics and reports (统计分析): production-safety accidents and deaths by period, division, type and grade
 * with year-on-year change, the 双下降 indicator and the years it has held, years without a 特别重大 accident;
 * natural-disaster losses (灾情报送) reported per division and period; hazards found, closed and overdue; warnings
 * and 叫应 reach. Keeps its own fact tables and daily rollups, fed by the events of {@code incident},
 * {@code hazard}, {@code monitoring} and {@code callout} inside the publishers' transactions (drills never
 * counted), backfilled once from the public query APIs. Dashboards, a big screen, monthly and yearly 安全生产形势分析
 * as PDF and DOCX, XLSX exports streamed in the background, and historical figures imported from XLSX.
 */
@ApplicationModule(
        displayName = "Statistics",
        allowedDependencies = {"shared", "identity", "geo", "portal", "incident", "hazard", "monitoring", "callout"})
@NullMarked
package cn.yingji.stats;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
