package org.caseload.bench.importing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Locale;
import org.caseload.bench.e2e.EndToEnd;
import org.caseload.engine.warehouse.WarehouseDdl;
import org.caseload.ingest.imports.ImportOptions;
import org.caseload.ingest.imports.ImportResult;
import org.caseload.ingest.imports.ImportRun;
import org.caseload.ingest.synthea.SyntheaImport;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * {@code java -cp caseload-bench.jar org.caseload.bench.importing.ImportBench [ENCOUNTERS] [RUNS]}:
 * imports a generated Synthea export into fresh DuckDB files and, as the ceiling, lets DuckDB's own
 * multi-threaded {@code read_csv} load the same encounters file into a table, alternating the two so
 * that both see the same machine. Prints medians and the ratio of rates (target ≥ 0.5) and the import
 * rate (target ≥ 500k rows/s). The import's time includes organizations, providers and patients, and
 * the zone conversion (America/New_York), so the comparison favours the ceiling.
 *
 * <p>The warm runs also time a <em>floor</em>: a hand-written {@code INSERT} of the visit columns the
 * import writes, from the same file read with the same types, into the warehouse's own visits table
 * with the loader's settings, and nothing else (no check, no zone, no other table). It is what DuckDB
 * alone costs for the rows the import stores, so it bounds any import that stores them in DuckDB.
 */
public final class ImportBench {
    private ImportBench() {}

    public static void main(String[] args) throws Exception {
        int encounters = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 2_000_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path work = Path.of("target", "import-bench").toAbsolutePath();
        Path export = work.resolve("export-" + encounters);
        if (!Files.isRegularFile(export.resolve("encounters.csv"))) {
            long t = System.nanoTime();
            SyntheaExportWriter.write(export, 200, 2_000, Math.max(1_000, encounters / 10), encounters, 42);
            System.out.printf(Locale.ROOT, "wrote %s (%,d encounters, %,d MiB) in %.1f s%n", export, encounters,
                    Files.size(export.resolve("encounters.csv")) >> 20, (System.nanoTime() - t) / 1e9);
        }
        // The first of each is reported on its own: a cold JVM (one CLI import) parses slower than a warm one.
        double coldCeiling = readCsv(work.resolve("ceiling.duckdb"), export.resolve("encounters.csv"), encounters);
        double cold = importExport(work.resolve("import.duckdb"), export, encounters);
        System.out.printf(Locale.ROOT, "cold: read_csv %.2f s, import %.2f s (ratio %.2f)%n", coldCeiling, cold, coldCeiling / cold);
        if (runs == 0) {
            return; // the cold pair only: what one CLI import sees
        }
        double[] ceiling = new double[runs];
        double[] floor = new double[runs];
        double[] ours = new double[runs];
        for (int r = 0; r < runs; r++) {
            // CPU time of the whole process, DuckDB's threads, JIT and GC included: what a run costs the machine.
            long cpu = EndToEnd.processCpuNanos();
            ceiling[r] = readCsv(work.resolve("ceiling.duckdb"), export.resolve("encounters.csv"), encounters);
            double ceilingCpu = (EndToEnd.processCpuNanos() - cpu) / 1e9;
            cpu = EndToEnd.processCpuNanos();
            floor[r] = insertVisits(work.resolve("floor.duckdb"), export.resolve("encounters.csv"), encounters);
            double floorCpu = (EndToEnd.processCpuNanos() - cpu) / 1e9;
            cpu = EndToEnd.processCpuNanos();
            ours[r] = importExport(work.resolve("import.duckdb"), export, encounters);
            double importCpu = (EndToEnd.processCpuNanos() - cpu) / 1e9;
            System.out.printf(Locale.ROOT, "run %d: read_csv %.2f s (%.1f CPU-s), visits insert alone %.2f s (%.1f CPU-s),"
                    + " import %.2f s (%.1f CPU-s)%n", r + 1, ceiling[r], ceilingCpu, floor[r], floorCpu, ours[r], importCpu);
        }
        double c = median(ceiling);
        double f = median(floor);
        double o = median(ours);
        System.out.printf(Locale.ROOT, "read_csv (ceiling): %.2f s = %,.0f rows/s%n", c, encounters / c);
        System.out.printf(Locale.ROOT, "visits insert alone (floor, no check): %.2f s = %,.0f rows/s%n", f, encounters / f);
        System.out.printf(Locale.ROOT, "caseload import synthea: %.2f s = %,.0f encounter rows/s (target >= 500,000)%n", o, encounters / o);
        System.out.printf(Locale.ROOT, "ratio import / read_csv rate: %.2f (target >= 0.50)%n", c / o);
    }

    private static double readCsv(Path db, Path encounters, int expected) throws Exception {
        delete(db);
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db); Statement s = c.createStatement()) {
            long t = System.nanoTime();
            s.execute("create table encounters as select * from read_csv('" + encounters + "', header = true)");
            double seconds = (System.nanoTime() - t) / 1e9;
            check(count(s, "encounters"), expected);
            return seconds;
        } finally {
            delete(db);
        }
    }

    /** The floor: DuckDB's insert of the visit columns alone, as the import's statement has them but UTC. */
    private static double insertVisits(Path db, Path encounters, int expected) throws Exception {
        delete(db);
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db); Statement s = c.createStatement()) {
            WarehouseDdl.createAll(DSL.using(c, SQLDialect.DUCKDB));
            // The setting the loader applies for a load (DuckDbLoadSettings).
            s.execute("set preserve_insertion_order = false");
            long t = System.nanoTime();
            c.setAutoCommit(false);
            s.execute("insert into visits select Id, PATIENT, ORGANIZATION, ENCOUNTERCLASS, PROVIDER, START, START, START, STOP,"
                    + " 'completed', TOTAL_CLAIM_COST from read_csv('" + encounters + "', header = true, auto_detect = false,"
                    + " delim = ',', quote = '\"', escape = '\"', timestampformat = '%Y-%m-%dT%H:%M:%SZ', columns = {"
                    + SYNTHEA_COLUMNS + "})");
            c.commit();
            double seconds = (System.nanoTime() - t) / 1e9;
            check(count(s, "visits"), expected);
            return seconds;
        } finally {
            delete(db);
        }
    }

    /** encounters.csv's columns with the types the import's statement reads them as. */
    private static final String SYNTHEA_COLUMNS = "'Id': 'VARCHAR', 'START': 'TIMESTAMP', 'STOP': 'TIMESTAMP',"
            + " 'PATIENT': 'VARCHAR', 'ORGANIZATION': 'VARCHAR', 'PROVIDER': 'VARCHAR', 'PAYER': 'VARCHAR',"
            + " 'ENCOUNTERCLASS': 'VARCHAR', 'CODE': 'VARCHAR', 'DESCRIPTION': 'VARCHAR', 'BASE_ENCOUNTER_COST': 'VARCHAR',"
            + " 'TOTAL_CLAIM_COST': 'DECIMAL(12,2)', 'PAYER_COVERAGE': 'VARCHAR', 'REASONCODE': 'VARCHAR',"
            + " 'REASONDESCRIPTION': 'VARCHAR'";

    private static double importExport(Path db, Path export, int expected) throws Exception {
        delete(db);
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db)) {
            long t = System.nanoTime();
            ImportResult result = ImportRun.run(c, new SyntheaImport(export, ZoneId.of("America/New_York")),
                    ImportOptions.defaults().withRejectsFile(db.resolveSibling("rejects.csv")));
            double seconds = (System.nanoTime() - t) / 1e9;
            check(result.load().rows("visits"), expected);
            if (!result.load().directTables().contains("visits")) {
                System.out.println("  (visits read row by row: " + result.rowByRowBecause() + ")");
            }
            return seconds;
        } finally {
            delete(db);
        }
    }

    private static long count(Statement statement, String table) throws Exception {
        try (ResultSet rs = statement.executeQuery("select count(*) from " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void check(long rows, int expected) {
        if (rows != expected) {
            throw new IllegalStateException("expected " + expected + " rows, got " + rows);
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static void delete(Path db) throws IOException {
        Files.deleteIfExists(db);
        Files.deleteIfExists(db.resolveSibling(db.getFileName() + ".wal"));
    }
}
