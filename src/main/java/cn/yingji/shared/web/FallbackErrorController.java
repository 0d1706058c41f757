package cn.yingji.shared.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Answers errors raised outside controllers (unknown paths, filter rejections): problem+json under {@code /api},
 * the localised error page elsewhere.
 */
@Controller
class FallbackErrorController implements ErrorController {

    private final Problems problems;

    FallbackErrorController(Problems problems) {
        this.problems = problems;
    }

    @RequestMapping(value = "/error", produces = "text/html")
    String html(HttpServletRequest request, HttpServletResponse response, Model model) {
        int status = status(request);
        response.setStatus(status);
        model.addAttribute("status", status);
        model.addAttribute("message", problems.text(keyFor(status)));
        return "error";
    }

    @RequestMapping("/error")
    ResponseEntity<ProblemDetail> api(HttpServletRequest request) {
        int status = status(request);
        return problems.of(HttpStatus.valueOf(status), keyFor(status));
    }

    private static int status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : 500;
        return HttpStatus.resolve(status) == null ? 500 : status;
    }

    private static String keyFor(int status) {
        return switch (status) {
            case 400 -> "error.validation";
            case 401 -> "error.unauthenticated";
            case 403 -> "error.forbidden";
            case 404 -> "error.noRoute";
            case 405 -> "error.method.generic";
            case 406 -> "error.notAcceptable";
            case 413 -> "error.tooLarge";
            default -> "error.unexpected.generic";
        };
    }
}
