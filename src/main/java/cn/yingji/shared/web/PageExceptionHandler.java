package cn.yingji.shared.web;

import cn.yingji.shared.ConflictException;
import cn.yingji.shared.InvalidInputException;
import cn.yingji.shared.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** The HTML counterpart of {@link ApiExceptionHandler}: a localised error page, never a stack trace. */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(PageExceptionHandler.class);
    private final Problems problems;

    PageExceptionHandler(Problems problems) {
        this.problems = problems;
    }

    @ExceptionHandler({NotFoundException.class, NoResourceFoundException.class})
    String notFound(Exception e, Model model, HttpServletResponse response) {
        String message = e instanceof NotFoundException nf
                ? problems.text(nf.messageKey(), nf.args())
                : problems.text("error.noRoute");
        return page(404, message, model, response);
    }

    @ExceptionHandler({
        InvalidInputException.class,
        MethodArgumentTypeMismatchException.class,
        ServletRequestBindingException.class,
        BindException.class,
        HttpMessageNotReadableException.class,
        HandlerMethodValidationException.class,
        MissingServletRequestPartException.class,
        MultipartException.class
    })
    String invalid(Exception e, Model model, HttpServletResponse response) {
        if (e instanceof MaxUploadSizeExceededException) {
            return page(413, problems.text("error.tooLarge"), model, response);
        }
        String message = e instanceof InvalidInputException ii
                ? problems.text(ii.messageKey(), ii.args())
                : problems.text("error.validation");
        return page(400, message, model, response);
    }

    @ExceptionHandler(ConflictException.class)
    String conflict(ConflictException e, Model model, HttpServletResponse response) {
        return page(409, problems.text(e.messageKey(), e.args()), model, response);
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    String integrity(DataIntegrityViolationException e, Model model, HttpServletResponse response) {
        LOG.info(
                "Integrity violation answered 409: {}", e.getMostSpecificCause().getMessage());
        return page(409, problems.text("error.integrity"), model, response);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    String method(HttpRequestMethodNotSupportedException e, Model model, HttpServletResponse response) {
        return page(405, problems.text("error.method", e.getMethod()), model, response);
    }

    @ExceptionHandler(AccessDeniedException.class)
    String denied(AccessDeniedException e, Model model, HttpServletResponse response) {
        return page(403, problems.text("error.forbidden"), model, response);
    }

    @ExceptionHandler(Exception.class)
    String unexpected(Exception e, Model model, HttpServletResponse response) {
        String incident = UUID.randomUUID().toString();
        LOG.error("Unexpected error, incident {}", incident, e);
        return page(500, problems.text("error.unexpected", incident), model, response);
    }

    private String page(int status, String message, Model model, HttpServletResponse response) {
        response.setStatus(status);
        model.addAttribute("status", status);
        model.addAttribute("message", message);
        return "error";
    }
}
