package cn.yingji.incident;

import java.time.Instant;
import java.util.UUID;

/**
 * Metadata of a photo or file attached to an event (content is fetched separately).
 *
 * @param id identifier
 * @param incidentId the event
 * @param filename original file name
 * @param contentType MIME type
 * @param sizeBytes size
 * @param sha256 content hash
 * @param uploadedBy who uploaded
 * @param uploadedAt when
 */
public record Attachment(
        UUID id,
        IncidentId incidentId,
        String filename,
        String contentType,
        long sizeBytes,
        String sha256,
        String uploadedBy,
        Instant uploadedAt) {}
