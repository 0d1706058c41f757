package cn.yingji.exchange.internal;

import cn.yingji.identity.Role;
import cn.yingji.shared.NavigationItem;
import cn.yingji.shared.NavigationItem.NavSection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The exchange pages in the navigation (administrators). */
@Configuration(proxyBeanMethods = false)
class ExchangeNavigation {

    @Bean
    NavigationItem exchangeCatalogueNav() {
        return NavigationItem.restricted(
                NavSection.DATA, "exchange.nav.catalogue", "/exchange/catalogue", 80, Role.ADMIN);
    }

    @Bean
    NavigationItem exchangeClientsNav() {
        return NavigationItem.restricted(NavSection.DATA, "exchange.nav.clients", "/exchange/clients", 81, Role.ADMIN);
    }

    @Bean
    NavigationItem exchangeWebhooksNav() {
        return NavigationItem.restricted(
                NavSection.DATA, "exchange.nav.webhooks", "/exchange/webhooks", 82, Role.ADMIN);
    }

    @Bean
    NavigationItem exchangeImportNav() {
        return NavigationItem.of(NavSection.DATA, "exchange.nav.import", "/exchange/import", 83);
    }
}
