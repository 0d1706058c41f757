package cn.yingji.shared.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Without {@code spring.datasource.url} (or {@code YINGJI_DB_URL}) the platform runs on an embedded, real PostgreSQL
 * whose data persists under {@code ./data}. With a URL, Spring Boot's own DataSource takes over and this backs off.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isBlank()")
class EmbeddedPostgresConfiguration {

    @Bean
    EmbeddedPostgresServer embeddedPostgresServer(EmbeddedPostgresProperties props) {
        return EmbeddedPostgresServer.obtain(props);
    }

    @Bean
    @Primary
    DataSource dataSource(
            EmbeddedPostgresServer server,
            @Value("${spring.datasource.hikari.maximum-pool-size:20}") int poolSize,
            @Value("${spring.datasource.hikari.minimum-idle:-1}") int minimumIdle) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(server.jdbcUrl() + "?reWriteBatchedInserts=true");
        config.setUsername(server.username());
        config.setPassword("");
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("yingji-embedded");
        // A fixed-size pool unless told otherwise: a connection opened during a surge starts a PostgreSQL backend
        // with cold catalog caches and no prepared statements, exactly when intake can least afford it (seen as a
        // stall under load while the pool grew from the warm-up's 8 connections to 20).
        config.setMinimumIdle(minimumIdle < 0 ? poolSize : Math.min(minimumIdle, poolSize));
        HikariDataSource ds = new HikariDataSource(config);
        server.track(ds);
        return ds;
    }
}
