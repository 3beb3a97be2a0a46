package org.caseload.bench.server;

import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.caseload.bench.Backend;
import org.caseload.engine.execute.AnalyticsDatabase;
import org.caseload.ingest.demo.DemoGenerator;
import org.caseload.ingest.demo.DemoOptions;
import org.caseload.ingest.load.LoadSummary;
import org.caseload.model.warehouse.Table;
import org.caseload.model.warehouse.WarehouseSchema;
import org.caseload.servers.MariaDbServer;
import org.caseload.servers.PostgresServer;
import org.caseload.servers.ServerHandle;
import org.caseload.servers.ServerKind;
import org.caseload.servers.TestServers;

/**
 * The warehouse on a database server for the bench: a PostgreSQL or MariaDB server of the bench's own
 * (started from caseload-servers with the settings below, stopped and deleted at {@link #close()}),
 * or the external server named by caseload-servers' {@code caseload.test.postgres.url} /
 * {@code caseload.test.mariadb.url} properties; filled through the loader as an import would be.
 *
 * <p>The settings give the server memory as one would for analytics on this machine (the shipped
 * defaults are sized for a laptop of 2005: PostgreSQL's 128 MB of shared buffers and 4 MB per sort or
 * hash, MariaDB's 128 MB buffer pool and 16 MB in-memory temporary tables). Both sides of the
 * comparison run on the same server, tables and settings; the tables keep the loader's DDL, primary
 * keys only.
 */
public final class ServerWarehouse implements AutoCloseable {
    public static final String DATABASE = "caseload_bench";

    /** PostgreSQL settings of the bench's own server (pg_ctl -o "-c k=v"), over caseload-servers' defaults. */
    public static final Map<String, String> POSTGRES_SETTINGS = ordered(
            "shared_buffers", "1GB",
            "work_mem", "64MB",
            "maintenance_work_mem", "256MB",
            "max_wal_size", "4GB");

    /** MariaDB options of the bench's own server (mariadbd --k=v), over caseload-servers' defaults. */
    public static final Map<String, String> MARIADB_OPTIONS = ordered(
            "innodb_buffer_pool_size", "1G",
            "innodb_log_file_size", "512M",
            "innodb_flush_log_at_trx_commit", "2",
            "tmp_table_size", "256M",
            "max_heap_table_size", "256M");

    /** What the load wrote and how long it took. */
    public record Load(Backend backend, int visitsRequested, LoadSummary summary, Duration analyze) {
        public long visits() {
            return summary.rows("visits");
        }

        public long totalRows() {
            return summary.totalRows();
        }

        public double seconds() {
            return summary.elapsed().toNanos() / 1e9;
        }

        /** Rows of every table per second of the load's transaction. */
        public double rowsPerSecond() {
            return totalRows() / seconds();
        }

        public String describe() {
            return String.format(Locale.ROOT, "%,d rows (%,d visits, %,d shifts, %,d patients) in %.1f s: %,.0f rows/s;"
                    + " statistics %.1f s", totalRows(), visits(), summary.rows("shifts"), summary.rows("patients"), seconds(),
                    rowsPerSecond(), analyze.toNanos() / 1e9);
        }
    }

    private final Backend backend;
    private final ServerHandle handle;
    private final AutoCloseable ownServer;
    private final ServerCpu cpu;
    private final Duration startup;

    private ServerWarehouse(Backend backend, ServerHandle handle, AutoCloseable ownServer, ServerCpu cpu, Duration startup) {
        this.backend = backend;
        this.handle = handle;
        this.ownServer = ownServer;
        this.cpu = cpu;
        this.startup = startup;
    }

    /**
     * Starts a server for {@code backend} (or takes the configured external one) and creates the empty
     * {@value #DATABASE} database on it, dropping one left by an earlier run. The server's files go to
     * {@code serversDir} unless {@code caseload.servers.dir} says otherwise.
     */
    public static ServerWarehouse start(Backend backend, Path serversDir, PrintStream log) {
        if (!backend.isServer()) {
            throw new IllegalArgumentException(backend + " is not a server");
        }
        ServerKind kind = backend == Backend.POSTGRES ? ServerKind.POSTGRES : ServerKind.MARIADB;
        Optional<ServerHandle> external = TestServers.external(kind);
        long t0 = System.nanoTime();
        ServerWarehouse w;
        if (external.isPresent()) {
            log.printf("server: external %s%n", external.get());
            w = new ServerWarehouse(backend, external.get(), null, ServerCpu.none(), Duration.ZERO);
        } else {
            if (System.getProperty("caseload.servers.dir") == null) {
                System.setProperty("caseload.servers.dir", serversDir.toAbsolutePath().toString());
            }
            if (kind == ServerKind.POSTGRES) {
                PostgresServer pg = TestServers.startPostgres(POSTGRES_SETTINGS);
                w = new ServerWarehouse(backend, pg.handle(), pg, ServerCpu.fromPidFile(pg.dataDirectory().resolve("postmaster.pid")),
                        Duration.ofNanos(System.nanoTime() - t0));
            } else {
                MariaDbServer maria = TestServers.startMariaDb(MARIADB_OPTIONS);
                // caseload-servers writes mariadbd.pid beside the data directory.
                w = new ServerWarehouse(backend, maria.handle(), maria,
                        ServerCpu.fromPidFile(maria.dataDirectory().getParent().resolve("mariadbd.pid")),
                        Duration.ofNanos(System.nanoTime() - t0));
            }
            log.printf(Locale.ROOT, "server: %s started in %.1f s (%s)%n", backend.displayName(), w.startup.toNanos() / 1e9,
                    w.cpu.available() ? "server CPU read from /proc, pid " + w.cpu.pid() : "server CPU not readable");
        }
        try {
            w.handle.createDatabase(DATABASE);
        } catch (RuntimeException e) {
            w.close();
            throw e;
        }
        return w;
    }

    /**
     * The warehouse on a server someone else runs (a test's shared server): creates the empty
     * {@value #DATABASE} database there; {@link #close()} leaves the server running.
     */
    public static ServerWarehouse on(Backend backend, ServerHandle server) {
        ServerWarehouse w = new ServerWarehouse(backend, server, null, ServerCpu.none(), Duration.ZERO);
        server.createDatabase(DATABASE);
        return w;
    }

    public Backend backend() {
        return backend;
    }

    /** The {@value #DATABASE} database, as Caseload would be configured for it. */
    public AnalyticsDatabase database() {
        ServerHandle db = handle.withDatabase(DATABASE);
        return new AnalyticsDatabase(db.jdbcUrl(), db.user(), db.password().isEmpty() ? null : db.password());
    }

    public ServerCpu cpu() {
        return cpu;
    }

    /**
     * Generates the demo data through the loader in one transaction (PostgreSQL: COPY into a stage;
     * MariaDB: multi-row INSERTs into a stage; then one merge per table), then refreshes the planner
     * statistics ({@code VACUUM ANALYZE} / {@code ANALYZE TABLE}) as a DBA would after a bulk load.
     */
    public Load load(long seed, int visits, PrintStream log) throws SQLException {
        long step = Math.max(1, visits / 10);
        long[] next = {step};
        long start = System.nanoTime();
        LoadSummary summary;
        try (Connection c = database().connect()) {
            summary = DemoGenerator.generate(c, new DemoOptions(seed, visits), written -> {
                if (written >= next[0]) {
                    log.printf(Locale.ROOT, "data:   %,d visits written (%.0f s)%n", written, (System.nanoTime() - start) / 1e9);
                    next[0] = (written / step + 1) * step;
                }
            });
            long a0 = System.nanoTime();
            try (Statement s = c.createStatement()) {
                if (backend == Backend.POSTGRES) {
                    s.execute("vacuum analyze");
                } else {
                    List<String> names = new ArrayList<>();
                    for (Table t : WarehouseSchema.TABLES) {
                        names.add(t.name());
                    }
                    try (ResultSet rs = s.executeQuery("analyze table " + String.join(", ", names))) {
                        while (rs.next()) {
                            // one status row per table
                        }
                    }
                }
            }
            return new Load(backend, visits, summary, Duration.ofNanos(System.nanoTime() - a0));
        }
    }

    /** Table sizes on disk (data and primary key) in MiB, for the log. */
    public Map<String, Double> tableSizesMiB() throws SQLException {
        Map<String, Double> sizes = new LinkedHashMap<>();
        String sql = backend == Backend.POSTGRES
                ? "select relname, pg_total_relation_size(oid) from pg_class where relname in ('visits', 'shifts', 'patients')"
                        + " and relkind = 'r' order by relname desc"
                : "select table_name, data_length + index_length from information_schema.tables"
                        + " where table_schema = database() and table_name in ('visits', 'shifts', 'patients') order by table_name desc";
        try (Connection c = database().connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                sizes.put(rs.getString(1), rs.getLong(2) / 1048576.0);
            }
        }
        return sizes;
    }

    /** The server's version and the settings that matter for these queries, as the server reports them. */
    public String describeServer() throws SQLException {
        String sql = backend == Backend.POSTGRES
                ? "select version(), current_setting('shared_buffers'), current_setting('work_mem'),"
                        + " current_setting('max_parallel_workers_per_gather'), current_setting('jit')"
                : "select version(), @@innodb_buffer_pool_size div 1048576, @@tmp_table_size div 1048576,"
                        + " @@max_heap_table_size div 1048576";
        try (Connection c = database().connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            if (backend == Backend.POSTGRES) {
                return String.format(Locale.ROOT, "%s; shared_buffers %s, work_mem %s, max_parallel_workers_per_gather %s, jit %s",
                        rs.getString(1).replaceAll(" on .*", ""), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5));
            }
            return String.format(Locale.ROOT, "MariaDB %s; innodb_buffer_pool_size %s MiB, tmp_table_size %s MiB,"
                    + " max_heap_table_size %s MiB", rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4));
        }
    }

    /** Stops and deletes the bench's own server; an external server keeps the {@value #DATABASE} database. */
    @Override
    public void close() {
        if (ownServer != null) {
            try {
                ownServer.close();
            } catch (Exception e) {
                throw new IllegalStateException("stopping the " + backend.displayName() + " server failed", e);
            }
        }
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }
}
