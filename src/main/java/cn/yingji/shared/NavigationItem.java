package cn.yingji.shared;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One entry of the main navigation of the web shell (module {@code portal}), contributed by the module that owns the page. Declare it as a bean; the
 * portal groups entries by {@link NavSection} and orders them by {@code order}.
 *
 * @param section the system (体系) or area the page belongs to
 * @param labelKey message key of the label
 * @param href path of the page
 * @param order position inside the section
 * @param roles names of the roles that see the entry (see {@code identity.Role}); empty means every signed-in user
 */
public record NavigationItem(NavSection section, String labelKey, String href, int order, Set<String> roles) {

    public NavigationItem {
        roles = Set.copyOf(roles);
    }

    /** An entry every signed-in user sees. */
    public static NavigationItem of(NavSection section, String labelKey, String href, int order) {
        return new NavigationItem(section, labelKey, href, order, Set.of());
    }

    /** An entry only users with one of {@code roles} see (pass {@code identity.Role} constants). */
    public static NavigationItem restricted(
            NavSection section, String labelKey, String href, int order, Enum<?>... roles) {
        return new NavigationItem(
                section,
                labelKey,
                href,
                order,
                Arrays.stream(roles).map(Enum::name).collect(Collectors.toUnmodifiableSet()));
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
