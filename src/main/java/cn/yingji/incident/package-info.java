/**
 * Events and accidents (突发事件/生产安全事故): duty-desk intake, legal grading (Decree 493 Art. 3, 森林防火条例 Art. 40,
 * and grading tables kept as data), re-grading inside the 补报 window, reporting obligations and their clocks
 * (Decree 493 Arts. 9–12), reports, leaders' instructions and the event timeline. Publishes past-tense events
 * ({@link cn.yingji.incident.IncidentReported}, {@link cn.yingji.incident.IncidentGraded},
 * {@link cn.yingji.incident.ReportingOverdue} …) for the command centre, statistics and webhooks. Does not hold plans,
 * responses, command structures or tasks (see {@code command}).
 */
@ApplicationModule(
        displayName = "Incident",
        allowedDependencies = {"shared", "identity", "geo", "portal"})
@NullMarked
package cn.yingji.incident;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
