package cn.yingji.shared.web;

import cn.yingji.shared.DomainException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** Builds RFC 9457 problem documents whose title and detail are in the caller's language. */
@Component
public class Problems {

    private final MessageSource messages;

    Problems(MessageSource messages) {
        this.messages = messages;
    }

    /**
     * Resolves a message key in the current request's locale; unknown keys come back as the key itself. An argument
     * that is itself resolvable (a {@link cn.yingji.shared.Noun}) is named in the same language by the message source.
     */
    public String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }

    public ResponseEntity<ProblemDetail> of(HttpStatus status, String key, Object... args) {
        return of(status, key, args, List.of());
    }

    public ResponseEntity<ProblemDetail> of(DomainException e, HttpStatus status) {
        List<Map<String, String>> errors = e.fieldErrors().stream()
                .map(fe -> Map.of("field", fe.field(), "message", text(fe.messageKey(), fe.args())))
                .toList();
        return of(status, e.messageKey(), e.args(), errors);
    }

    public ResponseEntity<ProblemDetail> of(
            HttpStatus status, String key, Object[] args, List<Map<String, String>> fieldErrors) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(status, text(key, args));
        pd.setTitle(text("problem.title." + status.value(), new Object[0]));
        pd.setType(URI.create("urn:yingji:problem:" + key));
        if (!fieldErrors.isEmpty()) {
            pd.setProperty("errors", fieldErrors);
        }
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(pd);
    }
}
