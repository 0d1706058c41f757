package cn.yingji.directory.web;

import cn.yingji.shared.NavigationItem;
import cn.yingji.shared.NavigationItem.NavSection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The directory's pages in the main navigation. */
@Configuration(proxyBeanMethods = false)
class DirectoryNavigation {

    @Bean
    NavigationItem directoryOrganisationsNav() {
        return NavigationItem.of(NavSection.RESPONSIBILITY, "directory.nav.organisations", "/organisations", 10);
    }

    @Bean
    NavigationItem directoryPersonsNav() {
        return NavigationItem.of(NavSection.RESPONSIBILITY, "directory.nav.persons", "/persons", 20);
    }

    @Bean
    NavigationItem directoryPositionsNav() {
        return NavigationItem.of(NavSection.RESPONSIBILITY, "directory.nav.positions", "/positions", 30);
    }

    @Bean
    NavigationItem directoryRosterNav() {
        return NavigationItem.of(NavSection.COMMAND, "directory.nav.roster", "/roster", 10);
    }
}
