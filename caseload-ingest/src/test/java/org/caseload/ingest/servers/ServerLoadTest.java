package org.caseload.ingest.servers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.caseload.ingest.demo.DemoGenerator;
import org.caseload.ingest.demo.DemoOptions;
import org.caseload.ingest.imports.ImportOptions;
import org.caseload.ingest.imports.ImportResult;
import org.caseload.ingest.imports.ImportRun;
import org.caseload.ingest.imports.RejectedInputException;
import org.caseload.ingest.synthea.SyntheaImport;
import org.caseload.model.warehouse.Column;
import org.caseload.model.warehouse.Table;
import org.caseload.model.warehouse.WarehouseSchema;
import org.caseload.servers.ServerHandle;
import org.caseload.servers.TestServers;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The loader on real PostgreSQL (COPY into a stage) and MariaDB (multi-row INSERTs into a stage):
 * the same demo data and the same Synthea import give the same rows as on DuckDB, value by value.
 */
class ServerLoadTest {
    static final Path SYNTHEA = Path.of("src/test/resources/synthea/csv").toAbsolutePath();

    @TempDir
    Path dir;

    private static Connection server(String kind, String database) throws SQLException {
        ServerHandle handle = kind.equals("postgres") ? TestServers.postgres() : TestServers.mariadb();
        String url = handle.createDatabase(database);
        return DriverManager.getConnection(url, handle.user(), handle.password());
    }

    /** Every row of every table as typed Java values, keyed by table and primary key. */
    static Map<String, List<Object>> contents(Connection c) throws SQLException {
        Map<String, List<Object>> rows = new TreeMap<>();
        for (Table table : WarehouseSchema.TABLES) {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select * from " + table.name())) {
                while (rs.next()) {
                    List<Object> row = new ArrayList<>();
                    for (Column column : table.columns()) {
                        row.add(switch (column.type()) {
                            case ID, TEXT -> rs.getString(column.name());
                            case INTEGER -> rs.getObject(column.name()) == null ? null : rs.getInt(column.name());
                            case BOOLEAN -> rs.getObject(column.name()) == null ? null : rs.getBoolean(column.name());
                            case TIMESTAMP -> rs.getObject(column.name(), LocalDateTime.class);
                            case MONEY -> rs.getBigDecimal(column.name()) == null ? null
                                    : rs.getBigDecimal(column.name()).setScale(2);
                        });
                    }
                    rows.put(table.name() + "/" + row.get(table.columnNames().indexOf(table.primaryKey())), row);
                }
            }
        }
        return rows;
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgres", "mariadb"})
    void demoDataLandsValueForValueAsOnDuckDb(String kind) throws Exception {
        DemoOptions options = new DemoOptions(5, 4_000);
        Map<String, List<Object>> expected;
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("d.duckdb"))) {
            DemoGenerator.generate(duck, options, n -> {});
            expected = contents(duck);
        }
        try (Connection c = server(kind, "demo_load")) {
            var summary = DemoGenerator.generate(c, options, n -> {});
            assertThat(summary.rows("visits")).isPositive();
            assertThat(contents(c)).isEqualTo(expected);
            // Replacing again gives the same contents.
            DemoGenerator.generate(c, options, n -> {});
            assertThat(contents(c)).hasSameSizeAs(expected).isEqualTo(expected);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgres", "mariadb"})
    void syntheaImportIsIdempotentAndAllOrNothingOnTheServer(String kind) throws Exception {
        Map<String, List<Object>> expected;
        ImportOptions options = ImportOptions.defaults().withRejectsFile(dir.resolve("rejects.csv"));
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("s.duckdb"))) {
            ImportRun.run(duck, new SyntheaImport(SYNTHEA, ZoneId.of("America/New_York")), options);
            expected = contents(duck);
        }
        try (Connection c = server(kind, "synthea_load")) {
            ImportResult first = ImportRun.run(c, new SyntheaImport(SYNTHEA, ZoneId.of("America/New_York")), options);
            assertThat(first.load().newRows("visits")).isEqualTo(544);
            assertThat(contents(c)).isEqualTo(expected);
            ImportResult again = ImportRun.run(c, new SyntheaImport(SYNTHEA, ZoneId.of("America/New_York")), options);
            assertThat(again.load().newRowsPerTable().values()).containsOnly(0L);
            assertThat(contents(c)).isEqualTo(expected);

            // A failing import (a bad row) leaves the server's tables exactly as they were.
            Path broken = dir.resolve("broken");
            java.nio.file.Files.createDirectories(broken);
            for (String f : SyntheaImport.FILES) {
                java.nio.file.Files.copy(SYNTHEA.resolve(f), broken.resolve(f));
            }
            List<String> lines = new ArrayList<>(java.nio.file.Files.readAllLines(broken.resolve("encounters.csv")));
            lines.set(3, lines.get(3).replace(",2", ",x2"));
            lines.set(1, lines.get(1).replace(",92.93,", ",1.00,"));
            java.nio.file.Files.write(broken.resolve("encounters.csv"), lines);
            assertThatThrownBy(() -> ImportRun.run(c, new SyntheaImport(broken, ZoneId.of("America/New_York")), options))
                    .isInstanceOf(RejectedInputException.class);
            assertThat(contents(c)).isEqualTo(expected);
            // Without the bad row, the changed charge is updated and nothing else.
            lines.set(3, java.nio.file.Files.readAllLines(SYNTHEA.resolve("encounters.csv")).get(3));
            java.nio.file.Files.write(broken.resolve("encounters.csv"), lines);
            ImportRun.run(c, new SyntheaImport(broken, ZoneId.of("America/New_York")), options);
            Map<String, List<Object>> after = contents(c);
            assertThat(after.get("visits/2f191e40-0c5a-1a4b-7d37-d3c5e5f87457").get(10)).isEqualTo(new BigDecimal("1.00"));
            after.put("visits/2f191e40-0c5a-1a4b-7d37-d3c5e5f87457", expected.get("visits/2f191e40-0c5a-1a4b-7d37-d3c5e5f87457"));
            assertThat(after).isEqualTo(expected);
        }
    }

    /**
     * A long import idles between statements; with the server's {@code wait_timeout} at 5 s, a pause of
     * 7 s in the middle of the load must not cost the connection (the seed's "server has gone away").
     */
    @org.junit.jupiter.api.Test
    void aLoadSurvivesPausesLongerThanTheServersIdleTimeout() throws Exception {
        try (var server = TestServers.startMariaDb(Map.of("wait_timeout", "5"))) {
            ServerHandle handle = server.handle();
            try (Connection c = DriverManager.getConnection(handle.createDatabase("slow_load"), handle.user(), handle.password())) {
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select @@global.wait_timeout")) {
                    rs.next();
                    assertThat(rs.getInt(1)).isEqualTo(5);
                }
                var summary = org.caseload.ingest.load.WarehouseLoader.replaceAll(c, sink -> {
                    sink.append(WarehouseSchema.LOCATIONS, "loc-1", "Elm Street", null, null, "UTC");
                    try {
                        Thread.sleep(7_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    sink.append(WarehouseSchema.LOCATIONS, "loc-2", "Cedar Park", null, null, "UTC");
                });
                assertThat(summary.rows("locations")).isEqualTo(2);
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select count(*) from locations")) {
                    rs.next();
                    assertThat(rs.getInt(1)).isEqualTo(2);
                }
            }
        }
    }
}
