package cn.yingji.exchange;

import java.util.Optional;

/** The event types a webhook subscription can receive, with their wire codes. */
public enum WebhookEvent {
    EVENT_REPORTED("event.reported", SharedResource.EVENTS),
    EVENT_GRADED("event.graded", SharedResource.EVENTS),
    EVENT_CASUALTIES("event.casualties-updated", SharedResource.EVENTS),
    WARNING_ISSUED("warning.issued", SharedResource.WARNINGS),
    WARNING_UPDATED("warning.updated", SharedResource.WARNINGS),
    WARNING_CANCELLED("warning.cancelled", SharedResource.WARNINGS),
    HAZARD_REPORTED("hazard.reported", SharedResource.HAZARDS),
    HAZARD_STATE_CHANGED("hazard.state-changed", SharedResource.HAZARDS),
    HAZARD_OVERDUE("hazard.overdue", SharedResource.HAZARDS),
    TEAM_DISPATCHED("team.dispatched", SharedResource.TEAMS),
    TEAM_STATUS_CHANGED("team.status-changed", SharedResource.TEAMS);

    private final String code;
    private final SharedResource resource;

    WebhookEvent(String code, SharedResource resource) {
        this.code = code;
        this.resource = resource;
    }

    /** The code sent in the payload's {@code type}, e.g. {@code event.graded}. */
    public String code() {
        return code;
    }

    /** The resource the event is about; a client subscription needs that scope. */
    public SharedResource resource() {
        return resource;
    }

    /** The event type with this code. */
    public static Optional<WebhookEvent> ofCode(String code) {
        for (WebhookEvent e : values()) {
            if (e.code.equals(code)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }
}
