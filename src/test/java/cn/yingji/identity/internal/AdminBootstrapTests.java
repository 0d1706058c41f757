package cn.yingji.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yingji.identity.NewUser;
import cn.yingji.identity.Role;
import cn.yingji.identity.UserId;
import cn.yingji.identity.UserManagement;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** The first-start administrator: random password, printed once, only on an empty database without demo data. */
class AdminBootstrapTests {

    /** Records what would be created instead of writing to a database. */
    static final class RecordingUsers implements UserManagement {
        final List<NewUser> created = new ArrayList<>();
        long existing;

        @Override
        public UserId create(NewUser user) {
            created.add(user);
            return new UserId(UUID.randomUUID());
        }

        @Override
        public Optional<UserId> findByUsername(String username) {
            return Optional.empty();
        }

        @Override
        public long count() {
            return existing + created.size();
        }
    }

    private static MockEnvironment env(boolean demo) {
        return new MockEnvironment().withProperty("yingji.demo.enabled", Boolean.toString(demo));
    }

    private static String run(AdminBootstrap bootstrap) {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            bootstrap.createFirstAdmin();
        } finally {
            System.setOut(original);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void createsAnAdministratorWithARandomPasswordPrintedOnce() {
        RecordingUsers first = new RecordingUsers();
        String printed = run(new AdminBootstrap(first, env(false)));
        RecordingUsers second = new RecordingUsers();
        run(new AdminBootstrap(second, env(false)));

        assertThat(first.created).hasSize(1);
        NewUser admin = first.created.get(0);
        assertThat(admin.username()).isEqualTo("admin");
        assertThat(admin.roles()).containsExactly(Role.ADMIN);
        assertThat(admin.demo()).isFalse();
        assertThat(admin.rawPassword()).hasSize(20).isNotEqualTo("admin").isNotEqualTo("Demo!2026yj");
        assertThat(admin.rawPassword()).isNotEqualTo(second.created.get(0).rawPassword());
        assertThat(printed).contains(admin.rawPassword());
    }

    @Test
    void doesNothingWhenUsersExistOrInDemoMode() {
        RecordingUsers populated = new RecordingUsers();
        populated.existing = 1;
        assertThat(run(new AdminBootstrap(populated, env(false)))).isEmpty();
        assertThat(populated.created).isEmpty();

        RecordingUsers demo = new RecordingUsers();
        run(new AdminBootstrap(demo, env(true)));
        assertThat(demo.created).isEmpty();
    }

    @Test
    void runsOnlyOnceOnTheSameDatabase() {
        RecordingUsers users = new RecordingUsers();
        AdminBootstrap bootstrap = new AdminBootstrap(users, env(false));
        run(bootstrap);
        assertThat(run(bootstrap)).isEmpty();
        assertThat(users.created).hasSize(1);
    }

    @Test
    void generatedPasswordsUseTheUnambiguousAlphabet() {
        String a = AdminBootstrap.randomPassword(64);
        assertThat(a).hasSize(64).matches("[A-HJ-NP-Za-km-z2-9]+");
        assertThat(AdminBootstrap.randomPassword(64)).isNotEqualTo(a);
    }
}
