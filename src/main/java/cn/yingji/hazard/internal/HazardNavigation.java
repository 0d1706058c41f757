package cn.yingji.hazard.internal;

import cn.yingji.identity.Role;
import cn.yingji.shared.NavigationItem;
import cn.yingji.shared.NavigationItem.NavSection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The hazard module's pages in the main navigation. */
@Configuration(proxyBeanMethods = false)
class HazardNavigation {

    @Bean
    NavigationItem hazardLedgerNav() {
        return NavigationItem.of(NavSection.RISK, "hazard.nav.ledger", "/hazards", 40);
    }

    @Bean
    NavigationItem hazardFieldNav() {
        return NavigationItem.restricted(
                NavSection.RISK,
                "hazard.nav.field",
                "/hazards/field",
                41,
                Role.GRID_WORKER,
                Role.ENTERPRISE_USER,
                Role.TOWNSHIP_OFFICER,
                Role.DISTRICT_OFFICER,
                Role.DEPARTMENT_OFFICER,
                Role.DUTY_OFFICER,
                Role.ADMIN);
    }

    @Bean
    NavigationItem hazardPublicNav() {
        return NavigationItem.of(NavSection.RISK, "hazard.nav.public", "/report", 42);
    }
}
