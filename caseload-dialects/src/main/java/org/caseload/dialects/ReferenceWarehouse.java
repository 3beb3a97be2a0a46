package org.caseload.dialects;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import org.caseload.engine.execute.Databases;
import org.caseload.engine.execute.Engine;
import org.caseload.ingest.demo.DemoGenerator;
import org.caseload.ingest.demo.DemoOptions;
import org.caseload.ingest.load.LoadSummary;
import org.caseload.model.ModelLoader;
import org.jooq.SQLDialect;

/**
 * The DuckDB file every backend's results are compared with: the demo data of {@link DialectSuite#DATA} written
 * by the same generator and loader, once per JVM (all suite classes of a test run share it), under
 * {@code target/dialect-suite/} of the running module. DuckDB is the reference because it is the default database
 * and the one the engine's hand-computed tests run on; hand-written SQL over this file anchors it in turn.
 *
 * @param file the DuckDB file
 * @param dataSource a read-only pool on it, for the engine and for hand-written SQL
 * @param engine the default model's engine on it
 * @param load what the loader wrote
 * @param loadTime generating and loading, wall clock
 */
public record ReferenceWarehouse(Path file, HikariDataSource dataSource, Engine engine, LoadSummary load,
                                 Duration loadTime) {
    private static ReferenceWarehouse instance;

    /** The reference of this JVM, written on first use. */
    public static synchronized ReferenceWarehouse get() {
        if (instance == null) {
            instance = create(workDirectory().resolve("reference-" + DialectSuite.DATA.seed() + "-"
                    + DialectSuite.DATA.visits() + ".duckdb"), DialectSuite.DATA);
            HikariDataSource ds = instance.dataSource();
            Runtime.getRuntime().addShutdownHook(new Thread(ds::close, "dialect-suite-reference-close"));
        }
        return instance;
    }

    /** Where the suite keeps its files: {@code target/dialect-suite} of the module being tested. */
    public static Path workDirectory() {
        Path dir = Path.of("target", "dialect-suite").toAbsolutePath();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
        return dir;
    }

    /** Writes a fresh DuckDB file with the demo data (replacing the file of an earlier run). */
    static ReferenceWarehouse create(Path file, DemoOptions options) {
        long started = System.nanoTime();
        LoadSummary load;
        try {
            deleteDuckDb(file);
            try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file)) {
                load = DemoGenerator.generate(c, options);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("writing the reference DuckDB file " + file + " failed: " + e.getMessage(), e);
        }
        Duration loadTime = Duration.ofNanos(System.nanoTime() - started);
        HikariDataSource ds = Databases.duckdb(file, true);
        return new ReferenceWarehouse(file, ds, new Engine(ModelLoader.loadDefault(), ds, SQLDialect.DUCKDB), load,
                loadTime);
    }

    static void deleteDuckDb(Path file) {
        try {
            Files.deleteIfExists(file);
            Files.deleteIfExists(Path.of(file + ".wal"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file, e);
        }
    }
}
