package cn.yingji.portal.web;

import cn.yingji.shared.NavigationItem.NavSection;
import cn.yingji.shared.NotFoundException;
import java.util.Arrays;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

@Controller
class HomeController {

    @GetMapping("/")
    String home() {
        return "portal/home";
    }

    /** Landing page of one system: what it is for and the pages it offers to this user. */
    @GetMapping("/systems/{slug}")
    String system(@PathVariable String slug, Model model) {
        NavSection section = Arrays.stream(NavSection.values())
                .filter(s -> s.slug().equals(slug))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("system", slug));
        model.addAttribute("section", section);
        return "portal/system";
    }
}
