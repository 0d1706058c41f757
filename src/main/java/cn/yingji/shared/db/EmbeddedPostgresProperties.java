package cn.yingji.shared.db;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the embedded PostgreSQL used when no external database is configured.
 *
 * @param dataDir where the cluster lives; kept across restarts
 * @param port TCP port on loopback; 0 picks a free one (tests)
 * @param database database created inside the cluster on first start
 * @param clean wipe the data directory on start (tests only)
 * @param settings server settings given to {@code postgres -c name=value} (memory, checkpoints); see
 *     {@code application.yml} for the defaults and why
 */
@ConfigurationProperties("yingji.db.embedded")
public record EmbeddedPostgresProperties(
        String dataDir, int port, String database, boolean clean, Map<String, String> settings) {

    public EmbeddedPostgresProperties {
        if (dataDir == null || dataDir.isBlank()) {
            dataDir = "./data/postgres";
        }
        if (database == null || database.isBlank()) {
            database = "yingji";
        }
        settings = settings == null ? Map.of() : Map.copyOf(settings);
    }
}
