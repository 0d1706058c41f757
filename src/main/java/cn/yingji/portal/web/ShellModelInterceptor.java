package cn.yingji.portal.web;

import cn.yingji.identity.CurrentUser;
import cn.yingji.identity.CurrentUser.Account;
import cn.yingji.shared.NavigationItem;
import cn.yingji.shared.NavigationItem.NavSection;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.view.RedirectView;

/**
 * Puts what the layout needs (user, navigation, current path, map settings) into the model of every page about to
 * be rendered. An interceptor rather than {@code @ModelAttribute} advice: advice on {@code @Controller} also runs for
 * every {@code @RestController} call (they are controllers too), and the duty desk's intake API paid for a
 * navigation it never renders. A value the handler put into the model itself wins.
 */
@Component
class ShellModelInterceptor implements HandlerInterceptor, WebMvcConfigurer {

    private final CurrentUser currentUser;
    private final List<NavigationItem> items;
    private final String tileUrl;
    private final String tileAttribution;

    ShellModelInterceptor(
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

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public void postHandle(
            HttpServletRequest request, HttpServletResponse response, Object handler, @Nullable ModelAndView mav) {
        if (mav == null || !rendersAPage(mav)) {
            return;
        }
        Map<String, Object> model = mav.getModel();
        Optional<Account> me = currentUser.get();
        String path = request.getRequestURI();
        model.putIfAbsent("me", me.orElse(null));
        model.putIfAbsent("nav", nav(me));
        model.putIfAbsent("currentPath", path);
        model.putIfAbsent("activeHref", activeHref(path));
        model.putIfAbsent("tileUrl", tileUrl);
        model.putIfAbsent("tileAttribution", tileAttribution);
    }

    /** A redirect's model would become query parameters of its URL, so it gets nothing. */
    private static boolean rendersAPage(ModelAndView mav) {
        if (mav.getView() instanceof RedirectView) {
            return false;
        }
        String name = mav.getViewName();
        return name != null && !name.startsWith("redirect:") && !name.startsWith("forward:");
    }

    private Map<NavSection, List<NavigationItem>> nav(Optional<Account> me) {
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

    /** The navigation entry to highlight: the longest href that is the current path or a parent of it. */
    private String activeHref(String path) {
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
}
