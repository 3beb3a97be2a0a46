package org.caseload.trino;

import static io.trino.testing.TestingSession.testSessionBuilder;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.trino.plugin.memory.MemoryPlugin;
import io.trino.testing.DistributedQueryRunner;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import javax.sql.DataSource;

/**
 * One Trino cluster per JVM: a coordinator and two workers started by Trino's
 * {@link DistributedQueryRunner}, the memory connector mounted as catalog {@value #CATALOG} with
 * schema {@value #SCHEMA}. Starting takes seconds, so every test class shares the same cluster
 * through {@link #get()}; it is closed by a shutdown hook when the JVM exits. Tables are the
 * caller's business: the memory connector keeps them until the cluster stops.
 */
public final class TrinoCluster {
    public static final String CATALOG = "memory";
    public static final String SCHEMA = "caseload";
    public static final String USER = "caseload";
    /** Coordinator plus workers; the coordinator also runs tasks (Trino's testing default), so all three hold data. */
    public static final int NODES = 3;
    private static final int WORKERS = NODES - 1;

    private final DistributedQueryRunner runner;
    private final String jdbcUrl;
    private final Duration startTime;
    private final HikariDataSource dataSource;

    private TrinoCluster(DistributedQueryRunner runner, String jdbcUrl, Duration startTime) {
        this.runner = runner;
        this.jdbcUrl = jdbcUrl;
        this.startTime = startTime;
        this.dataSource = pool(jdbcUrl);
    }

    /** The cluster of this JVM, started on first use (initialization-on-demand holder: thread-safe, once). */
    public static TrinoCluster get() {
        return Holder.INSTANCE;
    }

    private static final class Holder {
        static final TrinoCluster INSTANCE = start();
    }

    private static TrinoCluster start() {
        long begin = System.nanoTime();
        DistributedQueryRunner runner;
        try {
            runner = DistributedQueryRunner.builder(testSessionBuilder().setCatalog(CATALOG).setSchema(SCHEMA).build())
                    .setWorkerCount(WORKERS)
                    // At most one hash partition per node instead of Trino's default of up to 100: the
                    // fixture is a few rows, and fewer partitions mean fewer exchange buffers per stage.
                    // Measured gain is small (engine tests 77 s to 70 s); the testing server already
                    // fixes task concurrency at 4 and refuses an override.
                    .addExtraProperty("query.min-hash-partition-count", "1")
                    .addExtraProperty("query.max-hash-partition-count", String.valueOf(NODES))
                    .build();
        } catch (Exception e) {
            throw new IllegalStateException("the Trino cluster did not start: " + e.getMessage(), e);
        }
        try {
            runner.installPlugin(new MemoryPlugin());
            // Bounded well below the test JVM's heap: the memory connector refuses writes past it
            // instead of the JVM running out of memory.
            runner.createCatalog(CATALOG, "memory", Map.of("memory.max-data-per-node", "256MB"));
            runner.execute("CREATE SCHEMA " + CATALOG + "." + SCHEMA);
        } catch (RuntimeException e) {
            runner.close();
            throw e;
        }
        String url = "jdbc:trino://" + runner.getCoordinator().getAddress() + "/" + CATALOG + "/" + SCHEMA;
        TrinoCluster cluster = new TrinoCluster(runner, url, Duration.ofNanos(System.nanoTime() - begin));
        // Printed, not logged: the start time is the number people watch when the suite gets slow. One
        // println, because Trino's logging takes over System.out and makes each printf piece a line.
        System.out.println(String.format("Trino cluster of %d nodes started in %.1f s at %s",
                runner.getNodeCount(), cluster.startTime.toMillis() / 1000.0, url));
        Runtime.getRuntime().addShutdownHook(new Thread(cluster::close, "trino-cluster-shutdown"));
        return cluster;
    }

    /** {@code jdbc:trino://127.0.0.1:PORT/memory/caseload}; connect with user {@link #USER}, no password. */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    /** Wall-clock time from the first {@link #get()} to a cluster ready for SQL (servers, catalog and schema). */
    public Duration startTime() {
        return startTime;
    }

    /** Servers in the cluster as the runner counts them; {@code system.runtime.nodes} should agree. */
    public int nodeCount() {
        return runner.getNodeCount();
    }

    /** Trino's own handle, for what JDBC cannot do (plugins, catalogs, query plans). */
    public DistributedQueryRunner runner() {
        return runner;
    }

    /** A new JDBC connection through the Trino driver, as user {@link #USER}; the caller closes it. */
    public Connection connect() throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", USER);
        return DriverManager.getConnection(jdbcUrl, p);
    }

    /** A pool over {@link #connect()}'s connections, for the engine; closed with the cluster. */
    public DataSource dataSource() {
        return dataSource;
    }

    private static HikariDataSource pool(String url) {
        HikariConfig c = new HikariConfig();
        c.setPoolName("caseload-trino");
        c.setJdbcUrl(url);
        c.setUsername(USER);
        c.setDriverClassName("io.trino.jdbc.TrinoDriver");
        c.setMaximumPoolSize(2);
        // No connection at pool creation: a Trino connection is an HTTP client, opened when a query needs it.
        c.setMinimumIdle(0);
        c.setInitializationFailTimeout(-1);
        return new HikariDataSource(c);
    }

    private void close() {
        dataSource.close();
        runner.close();
    }
}
