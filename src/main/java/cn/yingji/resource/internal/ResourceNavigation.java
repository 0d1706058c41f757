package cn.yingji.resource.internal;

import cn.yingji.shared.NavigationItem;
import cn.yingji.shared.NavigationItem.NavSection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The resource module's pages in the main navigation (rescue-force system). */
@Configuration(proxyBeanMethods = false)
class ResourceNavigation {

    @Bean
    NavigationItem resourceTeamsNav() {
        return NavigationItem.of(NavSection.RESCUE, "resource.nav.teams", "/resources/teams", 10);
    }

    @Bean
    NavigationItem resourceMapNav() {
        return NavigationItem.of(NavSection.RESCUE, "resource.nav.map", "/resources/map", 11);
    }

    @Bean
    NavigationItem resourceDispatchNav() {
        return NavigationItem.of(NavSection.RESCUE, "resource.nav.dispatch", "/resources/dispatch", 12);
    }

    @Bean
    NavigationItem resourceEquipmentNav() {
        return NavigationItem.of(NavSection.RESCUE, "resource.nav.equipment", "/resources/equipment", 20);
    }

    @Bean
    NavigationItem resourceWarehousesNav() {
        return NavigationItem.of(NavSection.RESCUE, "resource.nav.warehouses", "/resources/warehouses", 21);
    }

    @Bean
    NavigationItem resourceStockNav() {
        return NavigationItem.of(NavSection.RESCUE, "resource.nav.stock", "/resources/stock", 22);
    }

    @Bean
    NavigationItem resourceSheltersNav() {
        return NavigationItem.of(NavSection.RESCUE, "resource.nav.shelters", "/resources/shelters", 23);
    }

    @Bean
    NavigationItem resourceExpertsNav() {
        return NavigationItem.of(NavSection.RESCUE, "resource.nav.experts", "/resources/experts", 24);
    }

    @Bean
    NavigationItem resourceBasesNav() {
        return NavigationItem.of(NavSection.RESCUE, "resource.nav.bases", "/resources/bases", 25);
    }

    @Bean
    NavigationItem resourceLandingPointsNav() {
        return NavigationItem.of(NavSection.RESCUE, "resource.nav.landing-points", "/resources/landing-points", 26);
    }
}
