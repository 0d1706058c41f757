package cn.yingji.notify.internal;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** E-mail over SMTP (Jakarta Mail). Without {@code yingji.notify.mail.host} every e-mail fails as not configured. */
@Component
class MailChannel {

    private volatile String host;
    private volatile int port;
    private final String from;
    private final @Nullable String username;
    private final @Nullable String password;

    MailChannel(
            @Value("${yingji.notify.mail.host:}") String host,
            @Value("${yingji.notify.mail.port:25}") int port,
            @Value("${yingji.notify.mail.from:yingji@localhost}") String from,
            @Value("${yingji.notify.mail.username:}") @Nullable String username,
            @Value("${yingji.notify.mail.password:}") @Nullable String password) {
        this.host = host;
        this.port = port;
        this.from = from;
        this.username = username == null || username.isBlank() ? null : username;
        this.password = password;
    }

    /** Points the channel at another SMTP server (tests). */
    void use(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /** Sends one e-mail; returns null when the server accepted it, otherwise the reason. */
    @Nullable
    String send(@Nullable String to, String subject, String body) {
        if (host.isBlank()) {
            return "mail-not-configured";
        }
        if (to == null) {
            return "no-address";
        }
        Properties props = new Properties();
        props.put("mail.smtp.host", host);
        props.put("mail.smtp.port", String.valueOf(port));
        props.put("mail.smtp.connectiontimeout", "5000");
        props.put("mail.smtp.timeout", "10000");
        if (username != null) {
            props.put("mail.smtp.auth", "true");
        }
        try {
            Session session = Session.getInstance(props);
            MimeMessage m = new MimeMessage(session);
            m.setFrom(new InternetAddress(from));
            m.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
            m.setSubject(subject, StandardCharsets.UTF_8.name());
            m.setText(body, StandardCharsets.UTF_8.name());
            if (username != null) {
                Transport.send(m, username, password);
            } else {
                Transport.send(m);
            }
            return null;
        } catch (MessagingException e) {
            return "smtp: " + e.getMessage();
        }
    }
}
