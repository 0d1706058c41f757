package cn.yingji.notify;

import cn.yingji.directory.PersonId;
import org.jspecify.annotations.Nullable;

/**
 * One message to send to one person on one channel.
 *
 * @param person the recipient
 * @param personName the recipient's name (stored with the attempt for the failure list)
 * @param divisionPath where the recipient is responsible (scopes who may see the attempt)
 * @param channel the channel to use
 * @param subject short subject (e-mail subject, first line of SMS)
 * @param body the text (SMS text, text read out by voice, e-mail body)
 * @param link a link to answer, if any (appended to SMS, e-mail and in-app)
 * @param source the sending module, e.g. {@code callout}; receipts and replies carry it back
 * @param correlation the sender's key (e.g. a call id); receipts and replies carry it back
 */
public record Outgoing(
        PersonId person,
        String personName,
        String divisionPath,
        Channel channel,
        String subject,
        String body,
        @Nullable String link,
        String source,
        String correlation) {}
