package cn.yingji.responsibility.internal;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Sends the daily contact-check reminders (at most one per district and day, whatever the interval). */
@Component
class ContactCheckJob {

    private final ResponsibilityService service;

    ContactCheckJob(ResponsibilityService service) {
        this.service = service;
    }

    @Scheduled(
            fixedDelayString = "${yingji.responsibility.remind-interval:1h}",
            initialDelayString = "${yingji.responsibility.remind-interval:1h}")
    void remind() {
        SecurityContextHolder.clearContext();
        service.remind(service.now());
    }
}
