package cn.yingji.hazard.internal;

import cn.yingji.grassroots.PatrolFinding;
import cn.yingji.hazard.HazardManagement;
import cn.yingji.hazard.NewHazard;
import cn.yingji.hazard.Photo;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A problem a grid worker finds on patrol becomes a hidden-hazard report, by the same worker, inside the check-in's
 * transaction: both are kept or neither is. The check-in id is the report's idempotency key, so a retried check-in
 * never reports twice.
 */
@Component
class PatrolFindings {

    private final HazardManagement hazards;

    PatrolFindings(HazardManagement hazards) {
        this.hazards = hazards;
    }

    @EventListener
    void on(PatrolFinding f) {
        String title = f.text().length() > 40 ? f.text().substring(0, 40) : f.text();
        hazards.report(
                new NewHazard(title, f.text(), null, null, f.lon(), f.lat(), null, null, null, null),
                new Photo(f.photoName(), f.photo()),
                "patrol-" + f.checkIn());
    }
}
