package cn.yingji.centre.internal;

import cn.yingji.shared.NavigationItem;
import cn.yingji.shared.NavigationItem.NavSection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

@Controller
class CentreController {

    private final SituationService situation;
    private final SituationStream stream;

    CentreController(SituationService situation, SituationStream stream) {
        this.situation = situation;
        this.stream = stream;
    }

    @GetMapping("/centre")
    String page(Model model) {
        model.addAttribute("situation", situation.current());
        return "centre/centre";
    }

    @GetMapping(path = "/centre/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @ResponseBody
    SseEmitter stream() {
        return stream.open();
    }

    @Configuration(proxyBeanMethods = false)
    static class Navigation {
        @Bean
        NavigationItem centreNav() {
            return NavigationItem.of(NavSection.COMMAND_CENTRE, "centre.nav.situation", "/centre", 10);
        }
    }
}
