package cn.yingji.risk.internal;

import cn.yingji.identity.Role;
import cn.yingji.shared.NavigationItem;
import cn.yingji.shared.NavigationItem.NavSection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The risk module's pages in the main navigation. */
@Configuration(proxyBeanMethods = false)
class RiskNavigation {

    @Bean
    NavigationItem enterprisesNav() {
        return NavigationItem.of(NavSection.RISK, "risk.nav.enterprises", "/risk/enterprises", 10);
    }

    @Bean
    NavigationItem riskPointsNav() {
        return NavigationItem.of(NavSection.RISK, "risk.nav.points", "/risk/points", 20);
    }

    @Bean
    NavigationItem riskMapNav() {
        return NavigationItem.of(NavSection.RISK, "risk.nav.map", "/risk/map", 21);
    }

    @Bean
    NavigationItem riskTrendsNav() {
        return NavigationItem.of(NavSection.RISK, "risk.nav.trends", "/risk/trends", 22);
    }

    @Bean
    NavigationItem riskSourcesNav() {
        return NavigationItem.of(NavSection.RISK, "risk.nav.sources", "/risk/hazard-sources", 30);
    }

    @Bean
    NavigationItem riskGb18218Nav() {
        return NavigationItem.of(NavSection.RISK, "risk.nav.gb18218", "/risk/gb18218", 31);
    }

    @Bean
    NavigationItem riskBandsNav() {
        return NavigationItem.restricted(NavSection.ADMIN, "risk.nav.bands", "/risk/bands", 70, Role.ADMIN);
    }
}
