package cn.yingji.shared.web;

import cn.yingji.shared.ConflictException;
import cn.yingji.shared.InvalidInputException;
import cn.yingji.shared.NotFoundException;
import jakarta.validation.ConstraintViolationException;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.BindException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every failure of a REST controller into a localised problem+json. Unexpected exceptions are logged with an
 * incident id and answered 500 without any internals; bad input is always 4xx.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);
    private final Problems problems;

    ApiExceptionHandler(Problems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException e) {
        return problems.of(e, HttpStatus.NOT_FOUND);
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidInputException e) {
        return problems.of(e, HttpStatus.BAD_REQUEST);
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<ProblemDetail> conflict(ConflictException e) {
        return problems.of(e, HttpStatus.CONFLICT);
    }

    @ExceptionHandler(cn.yingji.shared.ForbiddenException.class)
    ResponseEntity<ProblemDetail> forbidden(cn.yingji.shared.ForbiddenException e) {
        return problems.of(e, HttpStatus.FORBIDDEN);
    }

    @ExceptionHandler(DuplicateKeyException.class)
    ResponseEntity<ProblemDetail> duplicate(DuplicateKeyException e) {
        return problems.of(HttpStatus.CONFLICT, "error.duplicate");
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> integrity(DataIntegrityViolationException e) {
        LOG.info(
                "Integrity violation answered 409: {}", e.getMostSpecificCause().getMessage());
        return problems.of(HttpStatus.CONFLICT, "error.integrity");
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ProblemDetail> beanValidation(MethodArgumentNotValidException e) {
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(fe -> Map.of(
                        "field",
                        fe.getField(),
                        "message",
                        problems.text(
                                fe.getDefaultMessage() == null ? "error.invalid" : fe.getDefaultMessage(),
                                fe.getArguments() == null ? new Object[0] : fe.getArguments())))
                .toList();
        return problems.of(HttpStatus.BAD_REQUEST, "error.validation", new Object[0], errors);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ProblemDetail> methodValidation(HandlerMethodValidationException e) {
        return problems.of(HttpStatus.BAD_REQUEST, "error.validation");
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraint(ConstraintViolationException e) {
        List<Map<String, String>> errors = e.getConstraintViolations().stream()
                .map(v -> Map.of("field", v.getPropertyPath().toString(), "message", problems.text(v.getMessage())))
                .toList();
        return problems.of(HttpStatus.BAD_REQUEST, "error.validation", new Object[0], errors);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        return problems.of(HttpStatus.BAD_REQUEST, "error.unreadable");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        return problems.of(HttpStatus.BAD_REQUEST, "error.typeMismatch", e.getName());
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, MissingServletRequestPartException.class})
    ResponseEntity<ProblemDetail> missing(Exception e) {
        String name = e instanceof MissingServletRequestParameterException m
                ? m.getParameterName()
                : ((MissingServletRequestPartException) e).getRequestPartName();
        return problems.of(HttpStatus.BAD_REQUEST, "error.missingParameter", name);
    }

    @ExceptionHandler({ServletRequestBindingException.class, BindException.class, MultipartException.class})
    ResponseEntity<ProblemDetail> binding(Exception e) {
        if (e instanceof MaxUploadSizeExceededException) {
            return tooLarge((MaxUploadSizeExceededException) e);
        }
        return problems.of(HttpStatus.BAD_REQUEST, "error.validation");
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException e) {
        return problems.of(HttpStatus.PAYLOAD_TOO_LARGE, "error.tooLarge");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e) {
        return problems.of(HttpStatus.METHOD_NOT_ALLOWED, "error.method", e.getMethod());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e) {
        return problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "error.mediaType");
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> noResource(NoResourceFoundException e) {
        return problems.of(HttpStatus.NOT_FOUND, "error.noRoute");
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(AccessDeniedException e) {
        return problems.of(HttpStatus.FORBIDDEN, "error.forbidden");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        String incident = java.util.UUID.randomUUID().toString();
        LOG.error("Unexpected error, incident {}", incident, e);
        return problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "error.unexpected", incident);
    }
}
