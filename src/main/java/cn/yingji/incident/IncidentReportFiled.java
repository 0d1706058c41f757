package cn.yingji.incident;

import java.util.List;
import java.util.UUID;

/**
 * Published when a report (初报/续报/核报/终报) was filed.
 *
 * @param id the event
 * @param reportId the report
 * @param kind its kind
 * @param fromLevel who sent it
 * @param recipients to whom
 * @param divisionPath where the event is
 * @param drill true for a drill
 */
public record IncidentReportFiled(
        IncidentId id,
        UUID reportId,
        ReportKind kind,
        ReportingLevel fromLevel,
        List<Recipient> recipients,
        String divisionPath,
        boolean drill) {

    public IncidentReportFiled {
        recipients = List.copyOf(recipients);
    }
}
