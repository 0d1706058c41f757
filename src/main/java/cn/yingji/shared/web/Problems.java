package cn.yingji.shared.web;

import cn.yingji.shared.DomainException;
import cn.yingji.shared.Noun;
import java.net.URI;
import java.util.List;
import java.util.Locale;
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
     * Resolves a message key in the current request's locale; unknown keys come back as the key itself. A {@link Noun}
     * argument is named in the same language.
     */
    public String text(String key, Object... args) {
        Locale locale = LocaleContextHolder.getLocale();
        Object[] resolved = args;
        for (int i = 0; i < args.length; i++) {
            if (args[i] instanceof Noun noun) {
                if (resolved == args) {
                    resolved = args.clone();
                }
                resolved[i] = messages.getMessage("noun." + noun.code(), null, noun.code(), locale);
            }
        }
        return messages.getMessage(key, resolved, key, locale);
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
