package cn.yingji.exchange.internal;

import cn.yingji.exchange.ExchangeAdministration.IssuedKey;
import cn.yingji.exchange.ExchangeAdministration.NewApiClient;
import cn.yingji.exchange.ExchangeAdministration.NewSubscription;
import cn.yingji.exchange.SharedResource;
import cn.yingji.exchange.WebhookEvent;
import cn.yingji.shared.ConflictException;
import cn.yingji.shared.InvalidInputException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Pages: the data catalogue, API clients, webhooks with the dead-letter list. Administrators only. */
@Controller
class ExchangePages {

    private final ExchangeService service;
    private final ExchangeFormat format;

    ExchangePages(ExchangeService service, ExchangeFormat format) {
        this.service = service;
        this.format = format;
    }

    /** What is shared with whom: clients × resources × jurisdictions, and the webhook receivers. */
    @GetMapping("/exchange/catalogue")
    String catalogue(Model model) {
        model.addAttribute("clients", service.clients());
        model.addAttribute("resources", SharedResource.values());
        model.addAttribute("subscriptions", service.subscriptions());
        model.addAttribute(
                "usage",
                service.usageSummary().stream()
                        .collect(Collectors.toMap(JdbcExchangeStore.UsageSummary::client, u -> u)));
        model.addAttribute(
                "counts",
                service.changeCounts().stream()
                        .collect(Collectors.toMap(JdbcExchangeStore.ResourceCount::resource, c -> c)));
        return "exchange/catalogue";
    }

    @GetMapping("/exchange/clients")
    String clients(Model model) {
        return clientsPage(model, null, Map.of(), null);
    }

    private String clientsPage(
            Model model, @Nullable IssuedKey issued, Map<String, String> errors, @Nullable Map<String, String> form) {
        model.addAttribute("clients", service.clients());
        model.addAttribute("resources", SharedResource.values());
        model.addAttribute("issued", issued);
        model.addAttribute("errors", errors);
        model.addAttribute("form", form == null ? Map.of() : form);
        return "exchange/clients";
    }

    @PostMapping("/exchange/clients")
    String create(
            @RequestParam(defaultValue = "") String department,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(required = false) @Nullable List<String> scopes,
            @RequestParam(defaultValue = "") String divisionCodes,
            @RequestParam(defaultValue = "600") String ratePerMinute,
            Model model) {
        try {
            int rate;
            try {
                rate = Integer.parseInt(ratePerMinute.strip());
            } catch (NumberFormatException e) {
                throw InvalidInputException.field("ratePerMinute", "exchange.error.rate");
            }
            IssuedKey key = service.createClient(new NewApiClient(
                    department, name, ExchangeApiController.resources(scopes), split(divisionCodes), rate));
            return clientsPage(model, key, Map.of(), null);
        } catch (InvalidInputException e) {
            return clientsPage(
                    model,
                    null,
                    format.errors(e),
                    Map.of(
                            "department",
                            department,
                            "name",
                            name,
                            "divisionCodes",
                            divisionCodes,
                            "ratePerMinute",
                            ratePerMinute));
        }
    }

    @GetMapping("/exchange/clients/{id}")
    String client(@PathVariable UUID id, Model model) {
        return clientPage(id, model, null, Map.of());
    }

    private String clientPage(UUID id, Model model, @Nullable IssuedKey issued, Map<String, String> errors) {
        model.addAttribute("client", service.client(id));
        model.addAttribute("usage", service.usage(id));
        model.addAttribute("issued", issued);
        model.addAttribute("errors", errors);
        return "exchange/client";
    }

    @PostMapping("/exchange/clients/{id}/rotate")
    String rotate(@PathVariable UUID id, Model model) {
        try {
            return clientPage(id, model, service.rotateKey(id), Map.of());
        } catch (ConflictException e) {
            return clientPage(id, model, null, format.errors(e));
        }
    }

    @PostMapping("/exchange/clients/{id}/revoke")
    String revoke(@PathVariable UUID id) {
        service.revoke(id);
        return "redirect:/exchange/clients/" + id;
    }

    @GetMapping("/exchange/webhooks")
    String webhooks(Model model) {
        return webhooksPage(model, Map.of(), null);
    }

    private String webhooksPage(Model model, Map<String, String> errors, @Nullable Map<String, String> form) {
        model.addAttribute("subscriptions", service.subscriptions());
        model.addAttribute(
                "clients",
                service.clients().stream()
                        .filter(JdbcExchangeStore.ClientRow::active)
                        .toList());
        model.addAttribute("events", WebhookEvent.values());
        model.addAttribute("dead", service.deliveries("DEAD"));
        model.addAttribute("pending", service.deliveries("PENDING"));
        model.addAttribute("errors", errors);
        model.addAttribute("form", form == null ? Map.of() : form);
        return "exchange/webhooks";
    }

    @PostMapping("/exchange/webhooks")
    String subscribe(
            @RequestParam(defaultValue = "") String clientId,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String url,
            @RequestParam(defaultValue = "") String secret,
            @RequestParam(required = false) @Nullable List<String> events,
            @RequestParam(defaultValue = "") String divisionCodes,
            Model model) {
        try {
            UUID client = null;
            if (!clientId.isBlank()) {
                try {
                    client = UUID.fromString(clientId.strip());
                } catch (IllegalArgumentException e) {
                    throw InvalidInputException.field("clientId", "exchange.error.client");
                }
            }
            service.subscribe(new NewSubscription(
                    client, name, url, secret, ExchangeApiController.events(events), split(divisionCodes)));
            return "redirect:/exchange/webhooks?saved";
        } catch (InvalidInputException e) {
            return webhooksPage(
                    model,
                    format.errors(e),
                    Map.of("clientId", clientId, "name", name, "url", url, "divisionCodes", divisionCodes));
        }
    }

    @PostMapping("/exchange/webhooks/{id}/deactivate")
    String deactivate(@PathVariable UUID id) {
        service.deactivate(id);
        return "redirect:/exchange/webhooks";
    }

    @GetMapping("/exchange/deliveries/{id}")
    String delivery(@PathVariable UUID id, Model model) {
        model.addAttribute("delivery", service.delivery(id));
        model.addAttribute("attempts", service.attempts(id));
        return "exchange/delivery";
    }

    @PostMapping("/exchange/deliveries/{id}/redeliver")
    String redeliver(@PathVariable UUID id) {
        service.redeliver(id);
        return "redirect:/exchange/webhooks?redelivered";
    }

    static List<String> split(String codes) {
        return Arrays.stream(codes.split("[,，\\s]+"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }
}
