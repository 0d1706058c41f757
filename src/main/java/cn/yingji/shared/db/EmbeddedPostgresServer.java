package cn.yingji.shared.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;

/**
 * One embedded PostgreSQL per JVM and data directory. Spring test contexts come and go, but the server stays up
 * for the life of the JVM so a test suite starts PostgreSQL once.
 */
public final class EmbeddedPostgresServer {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final ConcurrentHashMap<Path, EmbeddedPostgresServer> SERVERS = new ConcurrentHashMap<>();

    private final EmbeddedPostgres postgres;
    private final String database;
    private final java.util.List<AutoCloseable> pools = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Runnable stopAtExit = this::shutdown;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, String database) {
        this.postgres = postgres;
        this.database = database;
        // Not zonky's JVM hook, which would run concurrently with Spring's: Spring Boot runs its shutdown handlers
        // after every application context has closed, so beans that still write on close (the event-publication
        // registry) find the server up, and the pools are closed before PostgreSQL stops.
        SpringApplication.getShutdownHandlers().add(stopAtExit);
    }

    /** Stops the server for {@code dataDir} (if running) so the next {@link #obtain} starts it again. */
    static void stop(Path dataDir) {
        EmbeddedPostgresServer server = SERVERS.remove(dataDir.toAbsolutePath().normalize());
        if (server != null) {
            SpringApplication.getShutdownHandlers().remove(server.stopAtExit);
            server.shutdown();
        }
    }

    /** Registers a pool to close before the server stops at JVM exit. */
    public void track(AutoCloseable pool) {
        pools.add(pool);
    }

    private void shutdown() {
        for (AutoCloseable pool : pools) {
            try {
                pool.close();
            } catch (Exception e) {
                LOG.debug("Closing pool failed", e);
            }
        }
        try {
            postgres.close();
        } catch (IOException e) {
            LOG.warn("Stopping embedded PostgreSQL failed", e);
        }
    }

    /** Starts (or returns the running) server for these properties. */
    public static EmbeddedPostgresServer obtain(EmbeddedPostgresProperties props) {
        Path dir = Path.of(props.dataDir()).toAbsolutePath().normalize();
        return SERVERS.computeIfAbsent(dir, d -> start(d, props));
    }

    private static EmbeddedPostgresServer start(Path dir, EmbeddedPostgresProperties props) {
        try {
            Files.createDirectories(dir);
            stopOrphan(dir);
            long t0 = System.nanoTime();
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dir.toFile())
                    .setCleanDataDirectory(props.clean())
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("timezone", "UTC")
                    // zonky starts postgres with -F (fsync off) and synchronous_commit=off, defaults for throw-away
                    // test clusters. A report is acknowledged only once it is on disk, and a power cut must not
                    // corrupt the cluster, so both are switched back on (a later -c wins over -F).
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setLocaleConfig("encoding", "UTF8")
                    .setLocaleConfig("locale", "C.UTF-8");
            props.settings().forEach(builder::setServerConfig);
            if (props.port() > 0) {
                builder.setPort(props.port());
            }
            EmbeddedPostgres pg = builder.start();
            createDatabase(pg, props.database());
            LOG.info(
                    "Embedded PostgreSQL started on port {} with data in {} ({} ms)",
                    pg.getPort(),
                    dir,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
            return new EmbeddedPostgresServer(pg, props.database());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start embedded PostgreSQL in " + dir, e);
        }
    }

    /**
     * After a kill -9 of the JVM the postgres child keeps running and holds the data directory; stop it so this
     * start can take the directory over. PostgreSQL itself recovers from the crash on the next start.
     */
    private static void stopOrphan(Path dir) throws IOException {
        Path pidFile = dir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        String first =
                Files.readAllLines(pidFile).stream().findFirst().orElse("").trim();
        long pid;
        try {
            pid = Long.parseLong(first);
        } catch (NumberFormatException e) {
            return;
        }
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        if (handle.isEmpty() || !handle.get().isAlive()) {
            return;
        }
        String command = handle.get().info().command().orElse("");
        if (!command.contains("postgres")) {
            return;
        }
        LOG.warn("Stopping orphaned PostgreSQL (pid {}) left running on {}", pid, dir);
        handle.get().destroy();
        try {
            handle.get().onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            handle.get().destroyForcibly();
        }
    }

    private static void createDatabase(EmbeddedPostgres pg, String database) {
        if (!database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("Invalid embedded database name: " + database);
        }
        try (Connection c = pg.getPostgresDatabase().getConnection();
                Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("select 1 from pg_database where datname = '" + database + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            st.execute("create database " + database + " encoding 'UTF8' template template0");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create database " + database, e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database;
    }

    public int port() {
        return postgres.getPort();
    }

    public String username() {
        return "postgres";
    }
}
