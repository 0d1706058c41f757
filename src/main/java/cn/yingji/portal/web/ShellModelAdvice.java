package cn.yingji.portal.web;

import cn.yingji.identity.CurrentUser;
import cn.yingji.identity.CurrentUser.Account;
import cn.yingji.shared.NavigationItem;
import cn.yingji.shared.NavigationItem.NavSection;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts what the layout needs (user, navigation, current path, map settings) into every page's model. */
@ControllerAdvice(annotations = Controller.class)
class ShellModelAdvice {

    private final CurrentUser currentUser;
    private final List<NavigationItem> items;
    private final String tileUrl;
    private final String tileAttribution;

    ShellModelAdvice(
            CurrentUser currentUser,
            List<NavigationItem> items,
            @Value("${yingji.map.tile-url:}") String tileUrl,
            @Value("${yingji.map.tile-attribution:}") String tileAttribution) {
        this.currentUser = currentUser;
        this.items = items.stream()
                .sorted(Comparator.comparing(NavigationItem::section).thenComparing(NavigationItem::order))
                .toList();
        this.tileUrl = tileUrl;
        this.tileAttribution = tileAttribution;
    }

    @ModelAttribute("me")
    Account me() {
        return currentUser.get().orElse(null);
    }

    @ModelAttribute("nav")
    Map<NavSection, List<NavigationItem>> nav() {
        Optional<Account> me = currentUser.get();
        Map<NavSection, List<NavigationItem>> out = new EnumMap<>(NavSection.class);
        if (me.isEmpty()) {
            return out;
        }
        for (NavigationItem item : items) {
            if (item.roles().isEmpty()
                    || me.get().roles().stream().anyMatch(r -> item.roles().contains(r.name()))) {
                out.computeIfAbsent(item.section(), s -> new ArrayList<>()).add(item);
            }
        }
        return out;
    }

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return request.getRequestURI();
    }

    /** The navigation entry to highlight: the longest href that is the current path or a parent of it. */
    @ModelAttribute("activeHref")
    String activeHref(HttpServletRequest request) {
        String path = request.getRequestURI();
        String best = "";
        for (NavigationItem item : items) {
            String href = item.href();
            boolean matches = path.equals(href) || path.startsWith(href.endsWith("/") ? href : href + "/");
            if (matches && href.length() > best.length()) {
                best = href;
            }
        }
        return best;
    }

    @ModelAttribute("tileUrl")
    String tileUrl() {
        return tileUrl;
    }

    @ModelAttribute("tileAttribution")
    String tileAttribution() {
        return tileAttribution;
    }
}
