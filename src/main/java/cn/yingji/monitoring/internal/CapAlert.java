package cn.yingji.monitoring.internal;

import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A CAP message (1.0–1.2) as parsed or to be written; element order follows the CAP 1.2 schema. Times keep their
 * offsets.
 */
record CapAlert(
        String version,
        String identifier,
        String sender,
        OffsetDateTime sent,
        String status,
        String msgType,
        @Nullable String source,
        String scope,
        @Nullable String restriction,
        @Nullable String addresses,
        List<String> codes,
        @Nullable String note,
        @Nullable String references,
        @Nullable String incidents,
        List<Info> infos) {

    record Pair(String name, String value) {}

    record Resource(
            String desc,
            String mimeType,
            @Nullable String size,
            @Nullable String uri,
            @Nullable String digest) {}

    record Area(
            String areaDesc,
            List<String> polygons,
            List<String> circles,
            List<Pair> geocodes,
            @Nullable String altitude,
            @Nullable String ceiling) {}

    record Info(
            @Nullable String language,
            List<String> categories,
            String event,
            List<String> responseTypes,
            String urgency,
            String severity,
            String certainty,
            @Nullable String audience,
            List<Pair> eventCodes,
            @Nullable OffsetDateTime effective,
            @Nullable OffsetDateTime onset,
            @Nullable OffsetDateTime expires,
            @Nullable String senderName,
            @Nullable String headline,
            @Nullable String description,
            @Nullable String instruction,
            @Nullable String web,
            @Nullable String contact,
            List<Pair> parameters,
            List<Resource> resources,
            List<Area> areas) {}
}
