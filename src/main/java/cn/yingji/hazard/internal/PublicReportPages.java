package cn.yingji.hazard.internal;

import cn.yingji.hazard.FollowUp;
import cn.yingji.hazard.HazardManagement;
import cn.yingji.hazard.HazardManagement.RateLimitedException;
import cn.yingji.hazard.Hazards;
import cn.yingji.hazard.ReportReceipt;
import cn.yingji.hazard.internal.HazardForms.ReportForm;
import cn.yingji.shared.InvalidInputException;
import cn.yingji.shared.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The public, phone-friendly 随手拍 page: anyone may report a hazard with a photo and a location, without signing
 * in (rate limited per client address), and check its progress with the follow-up code. Open to everyone in the
 * security configuration ({@code /report/**}).
 */
@Controller
class PublicReportPages {

    private final HazardManagement management;
    private final Hazards hazards;
    private final HazardFormat format;
    private final String tileUrl;

    PublicReportPages(
            HazardManagement management,
            Hazards hazards,
            HazardFormat format,
            @org.springframework.beans.factory.annotation.Value("${yingji.map.tile-url:}") String tileUrl) {
        this.management = management;
        this.hazards = hazards;
        this.format = format;
        this.tileUrl = tileUrl;
    }

    @GetMapping("/report")
    String form(Model model) {
        return form(model, ReportForm.empty(), Map.of());
    }

    private String form(Model model, ReportForm form, Map<String, String> errors) {
        if (form.idempotencyKey() == null || form.idempotencyKey().isBlank()) {
            form = new ReportForm(
                    form.title(),
                    form.description(),
                    form.grade(),
                    form.industry(),
                    form.lon(),
                    form.lat(),
                    form.address(),
                    form.reporterName(),
                    form.reporterPhone(),
                    null,
                    UUID.randomUUID().toString());
        }
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("industries", HazardService.INDUSTRIES);
        model.addAttribute("tileUrl", tileUrl);
        return "hazard/report";
    }

    @PostMapping("/report")
    String report(
            ReportForm form,
            @RequestParam(required = false) @Nullable MultipartFile photo,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        try {
            ReportForm anonymous = new ReportForm(
                    form.title(),
                    form.description(),
                    null,
                    form.industry(),
                    form.lon(),
                    form.lat(),
                    form.address(),
                    form.reporterName(),
                    form.reporterPhone(),
                    null,
                    form.idempotencyKey());
            ReportReceipt r = management.reportAnonymously(
                    anonymous.command(), HazardForms.photo(photo), request.getRemoteAddr(), form.idempotencyKey());
            model.addAttribute("receipt", r);
            return "hazard/reported";
        } catch (InvalidInputException e) {
            response.setStatus(400);
            return form(model, form, format.errors(e));
        } catch (RateLimitedException e) {
            response.setStatus(429);
            return form(model, form, format.errors(e));
        }
    }

    @GetMapping("/report/track")
    String track(@RequestParam(required = false) @Nullable String code, Model model, HttpServletResponse response) {
        model.addAttribute("code", code);
        if (code != null && !code.isBlank()) {
            try {
                FollowUp f = hazards.followUp(code);
                model.addAttribute("followUp", f);
            } catch (NotFoundException e) {
                response.setStatus(404);
                model.addAttribute("notFound", true);
            }
        }
        return "hazard/track";
    }
}
