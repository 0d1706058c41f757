package cn.yingji.incident;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Command to file an accident report (初报/续报/核报/终报) carrying the six contents of Decree 493 Art. 12; filing it
 * meets the open reporting obligations of {@code fromLevel} towards the listed recipients.
 *
 * @param kind kind of report
 * @param fromLevel the level that sends it
 * @param recipients to whom it was sent (at least one)
 * @param sentAt when it was sent; now when null; not in the future, not before the event occurred
 * @param unitOverview (一) 事故发生单位概况
 * @param timePlace (二) 事故发生的时间、地点以及事故现场情况
 * @param course (三) 事故的简要经过
 * @param casualtiesText (四) 伤亡人数（包括下落不明的人数）和初步估计的直接经济损失
 * @param measures (五) 已经采取的措施
 * @param other (六) 其他应当报告的情况 (write “无” when there is nothing)
 */
public record NewReport(
        ReportKind kind,
        ReportingLevel fromLevel,
        List<Recipient> recipients,
        @Nullable Instant sentAt,
        String unitOverview,
        String timePlace,
        String course,
        String casualtiesText,
        String measures,
        String other) {

    public NewReport {
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
    }
}
