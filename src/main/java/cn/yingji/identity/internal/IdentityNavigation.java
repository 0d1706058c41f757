package cn.yingji.identity.internal;

import cn.yingji.identity.Role;
import cn.yingji.shared.NavigationItem;
import cn.yingji.shared.NavigationItem.NavSection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The identity pages (users, audit log) in the administration section of the navigation. */
@Configuration(proxyBeanMethods = false)
class IdentityNavigation {

    @Bean
    NavigationItem identityUsersNav() {
        return NavigationItem.restricted(NavSection.ADMIN, "identity.nav.users", "/admin/users", 10, Role.ADMIN);
    }

    @Bean
    NavigationItem identityAuditNav() {
        return NavigationItem.restricted(NavSection.ADMIN, "identity.nav.audit", "/admin/audit", 20, Role.ADMIN);
    }
}
