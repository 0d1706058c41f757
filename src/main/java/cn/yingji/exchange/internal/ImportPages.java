package cn.yingji.exchange.internal;

import cn.yingji.shared.InvalidInputException;
import java.io.IOException;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The import centre page and its REST twin. Open to every signed-in user: the owning module checks the caller's role
 * and capture jurisdiction on every row, exactly as for a form entry.
 */
@Controller
class ImportPages {

    private final ImportCentre centre;
    private final ExchangeFormat format;

    ImportPages(ImportCentre centre, ExchangeFormat format) {
        this.centre = centre;
        this.format = format;
    }

    @GetMapping("/exchange/import")
    String page(Model model) {
        model.addAttribute("registries", centre.registries());
        model.addAttribute("errors", Map.of());
        return "exchange/import";
    }

    @GetMapping("/exchange/import/template")
    ResponseEntity<byte[]> template(@RequestParam String registry) {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(registry + "-template.csv")
                                .build()
                                .toString())
                .body(centre.template(registry));
    }

    @PostMapping("/exchange/import")
    String upload(@RequestParam String registry, @RequestParam("file") MultipartFile file, Model model)
            throws IOException {
        model.addAttribute("registries", centre.registries());
        model.addAttribute("registry", registry);
        try {
            model.addAttribute("result", centre.importFile(registry, name(file), file.getBytes()));
            model.addAttribute("errors", Map.of());
        } catch (InvalidInputException e) {
            model.addAttribute("errors", format.errors(e));
        }
        return "exchange/import";
    }

    private static String name(MultipartFile file) {
        return file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
    }

    /** The REST twin: a @RestController, so its errors are problem documents (JSON), never the HTML error page. */
    @RestController
    static class Api {

        private final ImportCentre centre;

        Api(ImportCentre centre) {
            this.centre = centre;
        }

        @PostMapping("/api/v1/exchange/import")
        ResponseEntity<ImportCentre.Result> importFile(
                @RequestParam String registry, @RequestParam("file") MultipartFile file) throws IOException {
            var result = centre.importFile(registry, name(file), file.getBytes());
            return ResponseEntity.status(result.committed() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_ENTITY)
                    .body(result);
        }
    }
}
