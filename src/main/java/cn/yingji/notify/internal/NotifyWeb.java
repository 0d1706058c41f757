package cn.yingji.notify.internal;

import cn.yingji.directory.Directory;
import cn.yingji.directory.PersonId;
import cn.yingji.identity.CurrentUser;
import cn.yingji.notify.Channel;
import cn.yingji.notify.Notifications;
import cn.yingji.shared.InvalidInputException;
import cn.yingji.shared.NavigationItem;
import cn.yingji.shared.NavigationItem.NavSection;
import cn.yingji.shared.NotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** Pages and REST API of the notify module. */
final class NotifyWeb {

    private NotifyWeb() {}

    @Configuration(proxyBeanMethods = false)
    static class Navigation {
        @Bean
        NavigationItem notifyFailedNav() {
            return NavigationItem.of(NavSection.COMMAND, "notify.nav.failed", "/notify/failed", 62);
        }

        @Bean
        NavigationItem notifyInboxNav() {
            return NavigationItem.of(NavSection.COMMAND, "notify.nav.inbox", "/notify/inbox", 63);
        }
    }

    @Controller
    @RequestMapping("/notify")
    static class Pages {
        private final NotifyQueries queries;
        private final CurrentUser currentUser;
        private final InAppStream stream;

        Pages(NotifyQueries queries, CurrentUser currentUser, InAppStream stream) {
            this.queries = queries;
            this.currentUser = currentUser;
            this.stream = stream;
        }

        @GetMapping("/failed")
        String failed(Model model) {
            model.addAttribute("messages", queries.failed(500));
            return "notify/failed";
        }

        @GetMapping("/inbox")
        String inbox(Model model) {
            UUID person = currentUser.require().personId();
            model.addAttribute("messages", person == null ? List.of() : queries.inbox(person, 100));
            return "notify/inbox";
        }

        @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
        SseEmitter stream() {
            UUID person = currentUser.require().personId();
            if (person == null) {
                SseEmitter e = new SseEmitter(0L);
                e.complete();
                return e;
            }
            return stream.open(person);
        }
    }

    @RestController
    @RequestMapping("/api/v1/notify")
    static class Api {
        private final NotifyQueries queries;
        private final Notifications notifications;
        private final Directory directory;
        private final CurrentUser currentUser;

        Api(NotifyQueries queries, Notifications notifications, Directory directory, CurrentUser currentUser) {
            this.queries = queries;
            this.notifications = notifications;
            this.directory = directory;
            this.currentUser = currentUser;
        }

        @GetMapping("/failed")
        List<NotifyQueries.MessageView> failed(@RequestParam(defaultValue = "200") int limit) {
            return queries.failed(limit);
        }

        @GetMapping("/preferences/{person}")
        List<Channel> preferences(@PathVariable UUID person) {
            PersonId id = visible(person);
            return notifications.preferences(id);
        }

        @PutMapping("/preferences/{person}")
        List<Channel> setPreferences(@PathVariable UUID person, @RequestBody @Nullable List<String> channels) {
            PersonId id = visible(person);
            var p = directory.findPerson(id).orElseThrow();
            currentUser.requireCapture(p.divisionPath(), "person", person);
            List<Channel> list = new ArrayList<>();
            for (String c : channels == null ? List.<String>of() : channels) {
                try {
                    list.add(Channel.valueOf(c));
                } catch (IllegalArgumentException e) {
                    throw InvalidInputException.field("channels", "notify.preference.unknown", c);
                }
            }
            notifications.setPreferences(id, list);
            return notifications.preferences(id);
        }

        private PersonId visible(UUID person) {
            PersonId id = new PersonId(person);
            if (directory.findPerson(id).isEmpty()) {
                throw new NotFoundException("person", person);
            }
            return id;
        }
    }
}
