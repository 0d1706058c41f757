package cn.yingji.identity.internal;

import cn.yingji.identity.Role;
import java.util.Set;
import org.springframework.beans.factory.support.BeanDefinitionBuilder;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/**
 * Contributes the identity pages (users, audit log) to the portal's navigation. The portal module depends on
 * identity (current user, roles), so identity must not reference the portal's types: the {@code NavigationItem}
 * beans are declared here by class name, which keeps the module graph acyclic.
 */
@Component
class IdentityNavigation implements BeanDefinitionRegistryPostProcessor {

    static final String NAVIGATION_ITEM = "cn.yingji.portal.NavigationItem";

    @Override
    public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
        if (!ClassUtils.isPresent(NAVIGATION_ITEM, IdentityNavigation.class.getClassLoader())) {
            return;
        }
        item(registry, "identityUsersNav", "identity.nav.users", "/admin/users", 10);
        item(registry, "identityAuditNav", "identity.nav.audit", "/admin/audit", 20);
    }

    private static void item(BeanDefinitionRegistry registry, String name, String label, String href, int order) {
        registry.registerBeanDefinition(
                name,
                BeanDefinitionBuilder.genericBeanDefinition(NAVIGATION_ITEM)
                        .addConstructorArgValue("ADMIN")
                        .addConstructorArgValue(label)
                        .addConstructorArgValue(href)
                        .addConstructorArgValue(order)
                        .addConstructorArgValue(Set.of(Role.ADMIN))
                        .getBeanDefinition());
    }
}
