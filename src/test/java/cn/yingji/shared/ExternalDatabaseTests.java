package cn.yingji.shared;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yingji.YingjiApplication;
import cn.yingji.shared.db.EmbeddedPostgresServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * With {@code spring.datasource.url} set, the platform must use that PostgreSQL and start no embedded one. The
 * "external" server here is a separately started PostgreSQL process on its own port and data directory.
 */
class ExternalDatabaseTests {

    @Test
    void runsOnAnExternallyConfiguredPostgres() throws Exception {
        try (EmbeddedPostgres external = EmbeddedPostgres.builder().start()) {
            String url = "jdbc:postgresql://localhost:" + external.getPort() + "/postgres";
            try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(YingjiApplication.class)
                    .profiles("test")
                    // Command-line arguments, as an operator would pass them (they outrank application.yml).
                    .run(
                            "--spring.datasource.url=" + url,
                            "--spring.datasource.username=postgres",
                            "--spring.datasource.password=",
                            "--yingji.demo.enabled=false",
                            "--server.port=0")) {
                assertThat(ctx.getBeansOfType(EmbeddedPostgresServer.class)).isEmpty();
                try (Connection c = ctx.getBean(DataSource.class).getConnection()) {
                    assertThat(c.getMetaData().getURL()).contains(":" + external.getPort() + "/");
                }
            }
            // Migrations ran and the first-start administrator was created in the external database itself.
            try (Connection c = external.getPostgresDatabase().getConnection();
                    Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery(
                            "select count(*) from identity.users where username = 'admin' and not demo")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(1);
            }
        }
    }
}
