package cn.yingji.portal;

import cn.yingji.identity.Role;
import java.util.Set;

/**
 * One entry of the main navigation, contributed by the module that owns the page. Declare it as a bean; the
 * portal groups entries by {@link NavSection} and orders them by {@code order}.
 *
 * @param section the system (体系) or area the page belongs to
 * @param labelKey message key of the label
 * @param href path of the page
 * @param order position inside the section
 * @param roles roles that see the entry; empty means every signed-in user
 */
public record NavigationItem(NavSection section, String labelKey, String href, int order, Set<Role> roles) {

    public NavigationItem {
        roles = Set.copyOf(roles);
    }

    public static NavigationItem of(NavSection section, String labelKey, String href, int order) {
        return new NavigationItem(section, labelKey, href, order, Set.of());
    }

    /** The sections of the navigation: the command centre, the five systems, and administration. */
    public enum NavSection {
        COMMAND_CENTRE("nav.commandCentre"),
        RESPONSIBILITY("nav.responsibility"),
        COMMAND("nav.command"),
        RESCUE("nav.rescue"),
        RISK("nav.risk"),
        GRASSROOTS("nav.grassroots"),
        DATA("nav.data"),
        ADMIN("nav.admin");

        private final String labelKey;

        NavSection(String labelKey) {
            this.labelKey = labelKey;
        }

        public String labelKey() {
            return labelKey;
        }

        /** URL segment of the section's landing page. */
        public String slug() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }
}
