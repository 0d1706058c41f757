package cn.yingji.monitoring.internal;

import cn.yingji.shared.NavigationItem;
import cn.yingji.shared.NavigationItem.NavSection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Monitoring's pages in the main navigation (risk-prevention system). */
@Configuration(proxyBeanMethods = false)
class MonitoringNavigation {

    @Bean
    NavigationItem monitoringBoardNav() {
        return NavigationItem.of(NavSection.RISK, "monitoring.nav.board", "/monitoring", 40);
    }

    @Bean
    NavigationItem monitoringPointsNav() {
        return NavigationItem.of(NavSection.RISK, "monitoring.nav.points", "/monitoring/points", 41);
    }

    @Bean
    NavigationItem monitoringWarningsNav() {
        return NavigationItem.of(NavSection.RISK, "monitoring.nav.warnings", "/monitoring/warnings", 42);
    }
}
