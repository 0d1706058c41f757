package cn.yingji.stats.internal;

import cn.yingji.shared.NavigationItem;
import cn.yingji.shared.NavigationItem.NavSection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The statistics pages in the main navigation (data section). */
@Configuration(proxyBeanMethods = false)
class StatsNavigation {

    @Bean
    NavigationItem statsDashboardNav() {
        return NavigationItem.of(NavSection.DATA, "stats.nav.dashboard", "/stats", 10);
    }

    @Bean
    NavigationItem statsScreenNav() {
        return NavigationItem.of(NavSection.DATA, "stats.nav.screen", "/stats/screen", 11);
    }

    @Bean
    NavigationItem statsLossesNav() {
        return NavigationItem.of(NavSection.DATA, "stats.nav.losses", "/stats/losses", 12);
    }

    @Bean
    NavigationItem statsExportsNav() {
        return NavigationItem.of(NavSection.DATA, "stats.nav.exports", "/stats/exports", 13);
    }
}
