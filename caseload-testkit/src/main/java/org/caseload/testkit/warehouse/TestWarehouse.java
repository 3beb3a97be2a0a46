package org.caseload.testkit.warehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.caseload.engine.warehouse.WarehouseDdl;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.jooq.tools.jdbc.JDBCUtils;

/**
 * The analytics warehouse of a test run. {@link #duckdbFile()} names a DuckDB file of this JVM,
 * under {@code target/caseload-testkit/} when the working directory is a Maven module (a temp dir
 * otherwise), new for every run; {@link #ensureSchema(DataSource)} creates the warehouse tables on
 * a database once per run, not once per test.
 */
public final class TestWarehouse {
    private static final Set<String> CREATED = ConcurrentHashMap.newKeySet();
    private static volatile Path file;

    private TestWarehouse() {}

    /** The DuckDB file of this test run ({@code analytics-<pid>.duckdb}); files left by earlier runs are removed. */
    public static synchronized Path duckdbFile() {
        if (file == null) {
            Path dir = Files.isDirectory(Path.of("target"))
                    ? Path.of("target", "caseload-testkit").toAbsolutePath()
                    : Path.of(System.getProperty("java.io.tmpdir"), "caseload-testkit").toAbsolutePath();
            try {
                Files.createDirectories(dir);
                removeStale(dir);
                Path f = dir.resolve("analytics-" + ProcessHandle.current().pid() + ".duckdb");
                Files.deleteIfExists(f);
                Files.deleteIfExists(f.resolveSibling(f.getFileName() + ".wal"));
                file = f;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot prepare the test warehouse folder " + dir, e);
            }
        }
        return file;
    }

    /** Deletes warehouse files of test runs whose JVM is gone. */
    private static void removeStale(Path dir) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "analytics-*.duckdb*")) {
            for (Path f : files) {
                String n = f.getFileName().toString();
                String pid = n.substring("analytics-".length(), n.indexOf('.'));
                try {
                    if (ProcessHandle.of(Long.parseLong(pid)).isEmpty()) Files.deleteIfExists(f);
                } catch (NumberFormatException | IOException ignored) {
                    // not ours, or in use
                }
            }
        }
    }

    /**
     * Creates the warehouse tables (CREATE TABLE IF NOT EXISTS, committed) on the database of
     * {@code dataSource} unless this run already did; call it with the pool, outside any test.
     */
    public static void ensureSchema(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            DatabaseMetaData md = c.getMetaData();
            String key = md.getURL() + " " + md.getUserName();
            if (!CREATED.add(key)) return;
            boolean auto = c.getAutoCommit();
            WarehouseDdl.createAll(DSL.using(c, dialectOf(c)));
            if (!auto) c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the warehouse schema for the tests: " + e.getMessage(), e);
        }
    }

    /** jOOQ's dialect of a connection; DuckDB by product name (jOOQ's URL sniffing does not know every driver). */
    public static SQLDialect dialectOf(Connection c) throws SQLException {
        String product = c.getMetaData().getDatabaseProductName();
        if (product != null && product.toLowerCase().contains("duckdb")) return SQLDialect.DUCKDB;
        return JDBCUtils.dialect(c);
    }
}
