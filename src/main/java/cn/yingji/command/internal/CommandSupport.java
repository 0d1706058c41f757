package cn.yingji.command.internal;

import cn.yingji.command.Headquarters;
import cn.yingji.command.ResponseLevel;
import cn.yingji.identity.CurrentUser;
import cn.yingji.identity.CurrentUser.Account;
import cn.yingji.identity.Role;
import cn.yingji.incident.Grade;
import cn.yingji.shared.ForbiddenException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/** Configuration, clock and the caller's rights for the command module. */
final class CommandSupport {

    private CommandSupport() {}

    /**
     * {@code yingji.command.*}.
     *
     * @param responseRoles roles that may activate, adjust and end responses (the "authorised commander")
     * @param leadLevels government level that leads at each grade (分级负责); ungraded events use {@code ungraded}
     * @param ungradedLead lead level for events without a grade
     * @param defaultLevels response level suggested for a grade when a plan defines no grade trigger for it
     * @param photoMaxBytes largest feedback photo accepted
     * @param dispatchDue deadline of the task a dispatch creates (arrive on scene), after the dispatch
     */
    @ConfigurationProperties("yingji.command")
    record Properties(
            @Nullable List<Role> responseRoles,
            @Nullable Map<Grade, Headquarters.LeadLevel> leadLevels,
            Headquarters.@Nullable LeadLevel ungradedLead,
            @Nullable Map<Grade, ResponseLevel> defaultLevels,
            @Nullable Integer photoMaxBytes,
            java.time.@Nullable Duration dispatchDue) {

        Properties {
            responseRoles = responseRoles == null || responseRoles.isEmpty() ? List.of(Role.COMMANDER) : responseRoles;
            Map<Grade, Headquarters.LeadLevel> lead = new EnumMap<>(Grade.class);
            lead.put(Grade.GENERAL, Headquarters.LeadLevel.COUNTY);
            lead.put(Grade.LARGER, Headquarters.LeadLevel.CITY);
            lead.put(Grade.MAJOR, Headquarters.LeadLevel.PROVINCE);
            lead.put(Grade.EXTRAORDINARY, Headquarters.LeadLevel.STATE_COUNCIL);
            if (leadLevels != null) {
                lead.putAll(leadLevels);
            }
            leadLevels = Map.copyOf(lead);
            ungradedLead = ungradedLead == null ? Headquarters.LeadLevel.COUNTY : ungradedLead;
            Map<Grade, ResponseLevel> levels = new EnumMap<>(Grade.class);
            levels.put(Grade.GENERAL, ResponseLevel.IV);
            levels.put(Grade.LARGER, ResponseLevel.III);
            levels.put(Grade.MAJOR, ResponseLevel.II);
            levels.put(Grade.EXTRAORDINARY, ResponseLevel.I);
            if (defaultLevels != null) {
                levels.putAll(defaultLevels);
            }
            defaultLevels = Map.copyOf(levels);
            photoMaxBytes = photoMaxBytes == null ? 10 * 1024 * 1024 : photoMaxBytes;
            dispatchDue = dispatchDue == null ? java.time.Duration.ofHours(1) : dispatchDue;
        }

        Headquarters.LeadLevel leadFor(@Nullable Grade grade) {
            return grade == null ? ungradedLead : leadLevels.get(grade);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(Properties.class)
    static class Config {}

    /** The module's clock; tests replace it. */
    @Component
    static class CommandClock {

        private volatile Clock clock = Clock.systemUTC();
        private final ZoneId zone = ZoneId.of("Asia/Shanghai");

        Instant now() {
            return clock.instant();
        }

        ZoneId zone() {
            return zone;
        }

        void use(Clock replacement) {
            this.clock = replacement;
        }
    }

    /** Who may do what. Outside a request the system acts. */
    @Component
    static class CommandRoles {

        /** Roles that give and confirm tasks and stand up headquarters. */
        static final Set<Role> OPERATORS =
                Set.of(Role.DUTY_OFFICER, Role.COMMANDER, Role.DISTRICT_OFFICER, Role.TOWNSHIP_OFFICER);

        /** Roles that may receive tasks addressed to a department, team or position without a named account. */
        static final Set<Role> RECEIVERS = Set.of(
                Role.DUTY_OFFICER,
                Role.COMMANDER,
                Role.DISTRICT_OFFICER,
                Role.TOWNSHIP_OFFICER,
                Role.DEPARTMENT_OFFICER,
                Role.RESCUE_LEADER);

        private final CurrentUser currentUser;
        private final Properties properties;

        CommandRoles(CurrentUser currentUser, Properties properties) {
            this.currentUser = currentUser;
            this.properties = properties;
        }

        String actor() {
            return currentUser.get().map(Account::username).orElse("system");
        }

        Optional<Account> account() {
            return currentUser.get();
        }

        @Nullable
        List<String> patterns() {
            return currentUser.get().map(a -> a.jurisdiction().viewPatterns()).orElse(null);
        }

        boolean isOperator(Account a) {
            return OPERATORS.stream().anyMatch(a::has);
        }

        boolean mayCommand(Account a) {
            return properties.responseRoles().stream().anyMatch(a::has);
        }

        void requireView(String path, String what, Object id) {
            if (currentUser.get().isPresent()) {
                currentUser.requireView(path, what, id);
            }
        }

        /** 404 when not visible, 403 when not capturable or not an operator. */
        void requireOperator(String path, Object id) {
            if (currentUser.get().isEmpty()) {
                return;
            }
            currentUser.requireCapture(path, "incident", id);
            if (!isOperator(currentUser.require())) {
                throw new AccessDeniedException("command writes need an operational role");
            }
        }

        /** 404 when not visible; a clear 403 unless the caller holds a commanding role with capture scope. */
        void requireCommander(String path, Object id) {
            if (currentUser.get().isEmpty()) {
                return;
            }
            Account a = currentUser.require();
            currentUser.requireView(path, "incident", id);
            if (!mayCommand(a) || !a.jurisdiction().canCapture(path)) {
                throw new ForbiddenException("command.error.notCommander");
            }
        }

        /** Administrators, and commanders inside their capture scope, maintain plans. */
        void requirePlanEditor(String path) {
            if (currentUser.get().isEmpty()) {
                return;
            }
            Account a = currentUser.require();
            if (a.has(Role.ADMIN)) {
                return;
            }
            if (!(a.has(Role.COMMANDER) || a.has(Role.DUTY_OFFICER))
                    || !a.jurisdiction().canCapture(path)) {
                throw new ForbiddenException("command.error.notPlanEditor");
            }
        }

        boolean mayEditPlans() {
            return currentUser
                    .get()
                    .map(a -> a.has(Role.ADMIN) || a.has(Role.COMMANDER) || a.has(Role.DUTY_OFFICER))
                    .orElse(false);
        }
    }
}
