package cn.yingji.incident;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A filed report with the figures and grade at filing time.
 *
 * @param id identifier
 * @param incidentId the event
 * @param kind kind of report
 * @param fromLevel sending level
 * @param recipients recipients
 * @param sentAt when it was sent
 * @param unitOverview content (一)
 * @param timePlace content (二)
 * @param course content (三)
 * @param casualtiesText content (四)
 * @param measures content (五)
 * @param other content (六)
 * @param grade grade at filing
 * @param deaths deaths at filing
 * @param missing missing at filing
 * @param seriouslyInjured seriously injured at filing
 * @param directLoss direct loss at filing
 * @param author user who filed it
 */
public record Report(
        UUID id,
        IncidentId incidentId,
        ReportKind kind,
        ReportingLevel fromLevel,
        List<Recipient> recipients,
        Instant sentAt,
        String unitOverview,
        String timePlace,
        String course,
        String casualtiesText,
        String measures,
        String other,
        @Nullable Grade grade,
        int deaths,
        int missing,
        int seriouslyInjured,
        BigDecimal directLoss,
        String author) {}
