package cn.yingji.shared.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class EmbeddedPostgresServerTests {

    @Test
    void dataSurvivesARestartOnTheSameDirectory() throws Exception {
        Path dir = Files.createTempDirectory("yingji-persist");
        var props = new EmbeddedPostgresProperties(dir.toString(), 0, "persisted", false, java.util.Map.of());

        EmbeddedPostgresServer first = EmbeddedPostgresServer.obtain(props);
        try (Connection c = DriverManager.getConnection(first.jdbcUrl(), "postgres", "");
                Statement st = c.createStatement()) {
            st.execute("create table kept (v text)");
            st.execute("insert into kept values ('still here')");
        }
        EmbeddedPostgresServer.stop(dir);

        EmbeddedPostgresServer second = EmbeddedPostgresServer.obtain(props);
        assertThat(second).isNotSameAs(first);
        try (Connection c = DriverManager.getConnection(second.jdbcUrl(), "postgres", "");
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select v from kept")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("still here");
        } finally {
            EmbeddedPostgresServer.stop(dir);
        }
    }

    @Test
    void sameDirectoryInOneJvmSharesOneServer() throws Exception {
        Path dir = Files.createTempDirectory("yingji-shared");
        var props = new EmbeddedPostgresProperties(dir.toString(), 0, "shared", true, java.util.Map.of());
        try {
            assertThat(EmbeddedPostgresServer.obtain(props)).isSameAs(EmbeddedPostgresServer.obtain(props));
        } finally {
            EmbeddedPostgresServer.stop(dir);
        }
    }

    @Test
    void serverSettingsReachPostgres() throws Exception {
        Path dir = Files.createTempDirectory("yingji-settings");
        var props = new EmbeddedPostgresProperties(
                dir.toString(), 0, "tuned", true, java.util.Map.of("shared_buffers", "48MB", "max_wal_size", "3GB"));
        try (Connection c = DriverManager.getConnection(
                        EmbeddedPostgresServer.obtain(props).jdbcUrl(), "postgres", "");
                Statement st = c.createStatement();
                ResultSet rs =
                        st.executeQuery("select current_setting('shared_buffers'), current_setting('max_wal_size')")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("48MB");
            assertThat(rs.getString(2)).isEqualTo("3GB");
        } finally {
            EmbeddedPostgresServer.stop(dir);
        }
    }

    @Test
    void poolIsFixedSizeUnlessAMinimumIsConfigured() throws Exception {
        Path dir = Files.createTempDirectory("yingji-pool");
        var props = new EmbeddedPostgresProperties(dir.toString(), 0, "pool", true, java.util.Map.of());
        EmbeddedPostgresServer server = EmbeddedPostgresServer.obtain(props);
        var config = new EmbeddedPostgresConfiguration();
        try (var fixed = (com.zaxxer.hikari.HikariDataSource) config.dataSource(server, 12, -1);
                var small = (com.zaxxer.hikari.HikariDataSource) config.dataSource(server, 12, 2);
                var capped = (com.zaxxer.hikari.HikariDataSource) config.dataSource(server, 12, 50)) {
            assertThat(fixed.getMinimumIdle()).isEqualTo(12);
            assertThat(small.getMinimumIdle()).isEqualTo(2);
            assertThat(capped.getMinimumIdle()).isEqualTo(12);
        } finally {
            EmbeddedPostgresServer.stop(dir);
        }
    }
}
