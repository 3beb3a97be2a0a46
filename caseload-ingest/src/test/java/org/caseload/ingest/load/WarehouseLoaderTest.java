package org.caseload.ingest.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.caseload.ingest.DuckDbTestSupport.checksums;
import static org.caseload.ingest.DuckDbTestSupport.open;
import static org.caseload.ingest.DuckDbTestSupport.queryLong;
import static org.caseload.ingest.DuckDbTestSupport.rows;
import static org.caseload.ingest.DuckDbTestSupport.tables;
import static org.caseload.model.warehouse.WarehouseSchema.LOCATIONS;
import static org.caseload.model.warehouse.WarehouseSchema.ROLE_GROUPS;
import static org.caseload.model.warehouse.WarehouseSchema.SERVICES;
import static org.caseload.model.warehouse.WarehouseSchema.VISITS;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.caseload.model.warehouse.Column;
import org.caseload.model.warehouse.ColumnType;
import org.caseload.model.warehouse.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class WarehouseLoaderTest {
    private static final LocalDateTime NINE = LocalDateTime.of(2024, 3, 4, 9, 0);

    @TempDir
    Path dir;

    /** Loads above 2048 visits span several staged batches and INSERT batches (1000), so failures hit flushed rows. */
    private static Consumer<RowSink> network(int visits, String idPrefix) {
        return sink -> {
            sink.append(LOCATIONS, "loc-1", "Elm Street Clinic", "Hartford", "East", "America/New_York");
            sink.append(LOCATIONS, "loc-2", "Cedar Park Clinic", null, null, "America/Chicago");
            sink.append(SERVICES, "dental", "Dental");
            sink.append(ROLE_GROUPS, "front_desk", "Front desk", false);
            for (int i = 0; i < visits; i++) {
                sink.append(VISITS, idPrefix + i, "p-" + (i % 7), "loc-" + (1 + i % 2), "dental", null,
                        NINE.plusMinutes(i), NINE.plusMinutes(i + 3), NINE.plusMinutes(i + 10),
                        NINE.plusMinutes(i + 40), "completed", BigDecimal.valueOf(12050 + i, 2));
            }
        };
    }

    private static Consumer<RowSink> failingAfter(int visits, String idPrefix) {
        return network(visits, idPrefix).andThen(sink -> {
            throw new IllegalStateException("source went away");
        });
    }

    private static LoadSummary load(Connection c, WriteStrategy strategy, Consumer<RowSink> producer)
            throws SQLException {
        return WarehouseLoader.load(c, LoadMode.REPLACE_ALL, strategy, producer);
    }

    @ParameterizedTest
    @EnumSource(value = WriteStrategy.class, names = {"CSV_STAGE", "BATCH_INSERT"}) // the DuckDB paths
    void summaryCountsRowsPerTableInSchemaOrder(WriteStrategy strategy) throws SQLException {
        try (Connection c = open(dir.resolve("w.duckdb"))) {
            LoadSummary summary = load(c, strategy, network(2100, "v-"));

            assertThat(summary.rowsPerTable()).containsExactly(
                    Map.entry("locations", 2L), Map.entry("services", 1L), Map.entry("role_groups", 1L),
                    Map.entry("staff", 0L), Map.entry("patients", 0L), Map.entry("visits", 2100L),
                    Map.entry("shifts", 0L));
            assertThat(summary.totalRows()).isEqualTo(2104);
            assertThat(summary.rows("visits")).isEqualTo(2100);
            assertThat(summary.elapsed()).isPositive();
            assertThat(queryLong(c, "select count(*) from visits")).isEqualTo(2100);
            assertThat(queryLong(c, "select count(*) from locations")).isEqualTo(2);
        }
    }

    @ParameterizedTest
    @EnumSource(value = WriteStrategy.class, names = {"CSV_STAGE", "BATCH_INSERT"}) // the DuckDB paths
    void storesEveryColumnTypeAndNull(WriteStrategy strategy) throws SQLException {
        try (Connection c = open(dir.resolve("types.duckdb"))) {
            load(c, strategy, network(3, "v-"));

            assertThat(rows(c, "select location_id, staff_id, cast(scheduled_at as varchar),"
                    + " cast(ended_at as varchar), cast(charge_amount as varchar) from visits where visit_id = 'v-1'"))
                    .containsExactly(Arrays.asList(
                            "loc-2", null, "2024-03-04 09:01:00", "2024-03-04 09:41:00", "120.51"));
            assertThat(rows(c, "select name, city, region from locations where location_id = 'loc-2'"))
                    .containsExactly(Arrays.asList("Cedar Park Clinic", null, null));
            assertThat(rows(c, "select cast(clinical as varchar) from role_groups"))
                    .containsExactly(List.of("false"));
        }
    }

    @Test
    void appenderAndBatchInsertStoreIdenticalContents() throws SQLException {
        Map<String, String> viaStage;
        Map<String, String> viaInsert;
        try (Connection c = open(dir.resolve("a.duckdb"))) {
            load(c, WriteStrategy.CSV_STAGE, network(1100, "v-"));
            viaStage = checksums(c);
        }
        try (Connection c = open(dir.resolve("b.duckdb"))) {
            load(c, WriteStrategy.BATCH_INSERT, network(1100, "v-"));
            viaInsert = checksums(c);
        }
        assertThat(viaInsert).isEqualTo(viaStage);
    }

    @ParameterizedTest
    @EnumSource(value = WriteStrategy.class, names = {"CSV_STAGE", "BATCH_INSERT"}) // the DuckDB paths
    void replacingWithTheSameKeysReplacesRows(WriteStrategy strategy) throws SQLException {
        try (Connection c = open(dir.resolve("again.duckdb"))) {
            load(c, strategy, network(1200, "v-"));
            Map<String, String> first = checksums(c);

            load(c, strategy, network(1200, "v-"));
            assertThat(checksums(c)).isEqualTo(first);

            load(c, strategy, network(10, "w-"));
            assertThat(queryLong(c, "select count(*) from visits")).isEqualTo(10);
        }
    }

    @ParameterizedTest
    @EnumSource(value = WriteStrategy.class, names = {"CSV_STAGE", "BATCH_INSERT"}) // the DuckDB paths
    void producerFailingHalfWayLeavesPreviousContentsUnchanged(WriteStrategy strategy) throws SQLException {
        try (Connection c = open(dir.resolve("atomic.duckdb"))) {
            load(c, strategy, network(1500, "v-"));
            Map<String, String> before = checksums(c);

            assertThatThrownBy(() -> load(c, strategy, failingAfter(2100, "x-")))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("source went away");

            assertThat(checksums(c)).isEqualTo(before);
            assertThat(queryLong(c, "select count(*) from visits")).isEqualTo(1500);
            assertThat(c.getAutoCommit()).isTrue();
        }
    }

    @Test
    void failedFirstLoadLeavesNoTablesBehind() throws SQLException {
        try (Connection c = open(dir.resolve("fresh.duckdb"))) {
            assertThatThrownBy(() -> WarehouseLoader.replaceAll(c, failingAfter(2100, "v-")))
                    .isInstanceOf(IllegalStateException.class);

            assertThat(tables(c)).isEmpty();
        }
    }

    /**
     * DuckDB's tables carry no primary-key index, so the staged writer itself refuses a key that
     * repeats. (The batch writer relies on the server's primary key; that is tested on PostgreSQL and
     * MariaDB, whose tables have one.)
     */
    @Test
    void repeatedKeyRollsBackNamingTheKey() throws SQLException {
        WriteStrategy strategy = WriteStrategy.CSV_STAGE;
        try (Connection c = open(dir.resolve("dup.duckdb"))) {
            load(c, strategy, network(100, "v-"));
            Map<String, String> before = checksums(c);

            Consumer<RowSink> duplicateKey = network(50, "x-").andThen(sink -> sink.append(VISITS, "x-3", null,
                    "loc-1", null, null, NINE, null, null, null, "cancelled", null));
            assertThatThrownBy(() -> load(c, strategy, duplicateKey)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("table visits: visit_id repeats within one load: 'x-3' (2 rows)");

            assertThat(checksums(c)).isEqualTo(before);
        }
    }

    /** Values that break naive CSV staging: quotes, the NULL marker as text, separators, line ends, non-ASCII. */
    @ParameterizedTest
    @EnumSource(value = WriteStrategy.class, names = {"CSV_STAGE", "BATCH_INSERT"}) // the DuckDB paths
    void textSurvivesStagingExactly(WriteStrategy strategy) throws SQLException {
        List<String> names = List.of("", "\\N", "\"quoted\"", "a,b", "line\nbreak", "cr\r\nlf", "back\\slash", "Zoë 東京 🩺",
                "'single'", " padded ", "NULL");
        try (Connection c = open(dir.resolve("text.duckdb"))) {
            load(c, strategy, sink -> {
                for (int i = 0; i < names.size(); i++) {
                    sink.append(LOCATIONS, "loc-" + i, names.get(i), i % 2 == 0 ? null : names.get(i), null, "UTC");
                }
            });
            for (int i = 0; i < names.size(); i++) {
                assertThat(rows(c, "select name, city from locations where location_id = 'loc-" + i + "'"))
                        .as(names.get(i)).containsExactly(Arrays.asList(names.get(i), i % 2 == 0 ? null : names.get(i)));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = WriteStrategy.class, names = {"CSV_STAGE", "BATCH_INSERT"}) // the DuckDB paths
    void extremeValuesSurviveStaging(WriteStrategy strategy) throws SQLException {
        try (Connection c = open(dir.resolve("extreme.duckdb"))) {
            load(c, strategy, sink -> {
                sink.append(LOCATIONS, "loc-1", "A", null, null, "UTC");
                sink.append(VISITS, "v-1", null, "loc-1", null, null, LocalDateTime.of(1, 1, 1, 0, 0),
                        LocalDateTime.of(9999, 12, 31, 23, 59, 59), null, null, "completed", new BigDecimal("9999999999.99"));
                sink.append(VISITS, "v-2", null, "loc-1", null, null, LocalDateTime.of(2024, 2, 29, 7, 5, 9),
                        null, null, null, "completed", new BigDecimal("-0.05"));
            });
            assertThat(rows(c, "select cast(scheduled_at as varchar), cast(checked_in_at as varchar),"
                    + " cast(charge_amount as varchar) from visits order by visit_id"))
                    .containsExactly(Arrays.asList("0001-01-01 00:00:00", "9999-12-31 23:59:59", "9999999999.99"),
                            Arrays.asList("2024-02-29 07:05:09", null, "-0.05"));
        }
    }

    @Test
    void wrongTypeNamesTableColumnAndRow() throws SQLException {
        try (Connection c = open(dir.resolve("type.duckdb"))) {
            load(c, WriteStrategy.CSV_STAGE, network(20, "v-"));
            Map<String, String> before = checksums(c);

            Consumer<RowSink> badStatus = network(4, "x-").andThen(sink -> sink.append(VISITS, "x-99", null,
                    "loc-1", null, null, NINE, null, null, null, 7, null));
            assertThatThrownBy(() -> WarehouseLoader.replaceAll(c, badStatus))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("table visits")
                    .hasMessageContaining("column status")
                    .hasMessageContaining("row 5")
                    .hasMessageContaining("String")
                    .hasMessageContaining("Integer");

            assertThat(checksums(c)).isEqualTo(before);
        }
    }

    @Test
    void nullInRequiredColumnNamesTableColumnAndRow() throws SQLException {
        try (Connection c = open(dir.resolve("null.duckdb"))) {
            Consumer<RowSink> noName = sink -> {
                sink.append(SERVICES, "dental", "Dental");
                sink.append(SERVICES, "pediatrics", null);
            };
            assertThatThrownBy(() -> WarehouseLoader.replaceAll(c, noName))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("table services, column name, row 2: is required but was null");
        }
    }

    @Test
    void rejectsValuesTheColumnsCannotHold() throws SQLException {
        try (Connection c = open(dir.resolve("values.duckdb"))) {
            assertRejected(c, sink -> sink.append(SERVICES, "dental"), "table services, row 1: expected 2 values");
            assertRejected(c, sink -> sink.append(SERVICES, "x".repeat(65), "Dental"),
                    "table services, column service_id, row 1: allows at most 64 characters");
            assertRejected(c, sink -> sink.append(VISITS, "v", null, "l", null, null, NINE, null, null, null,
                    "completed", new BigDecimal("1.005")), "column charge_amount, row 1: allows at most 2 decimal");
            assertRejected(c, sink -> sink.append(VISITS, "v", null, "l", null, null, NINE, null, null, null,
                    "completed", new BigDecimal("12345678901.00")), "does not fit DECIMAL(12,2)");
            assertRejected(c, sink -> sink.append(VISITS, "v", null, "l", null, null, "2024-01-01 09:00", null,
                    null, null, "completed", null), "column scheduled_at, row 1: expects LocalDateTime");
            assertRejected(c, sink -> sink.append(ROLE_GROUPS, "nurse", "Nurse", "yes"),
                    "column clinical, row 1: expects Boolean");
            Table lookalike = new Table("visits", "visit_id", List.of(Column.required("visit_id", ColumnType.ID)));
            assertRejected(c, sink -> sink.append(lookalike, "v"), "not a warehouse table: visits");
        }
    }

    @Test
    void normalizesMoneyScaleAndDropsFractionalSeconds() throws SQLException {
        try (Connection c = open(dir.resolve("normal.duckdb"))) {
            WarehouseLoader.replaceAll(c, sink -> sink.append(VISITS, "v", null, "l", null, null,
                    NINE.plusNanos(700_000_000), null, null, null, "completed", new BigDecimal("80.5000")));

            assertThat(rows(c, "select cast(scheduled_at as varchar), cast(charge_amount as varchar) from visits"))
                    .containsExactly(List.of("2024-03-04 09:00:00", "80.50"));
        }
    }

    @Test
    void leavesNoStagingTablesOrSettingsBehind() throws SQLException {
        try (Connection c = open(dir.resolve("clean.duckdb"))) {
            load(c, WriteStrategy.CSV_STAGE, network(10, "v-"));
            assertThatThrownBy(() -> load(c, WriteStrategy.CSV_STAGE, failingAfter(10, "x-")))
                    .isInstanceOf(IllegalStateException.class);

            assertThat(queryLong(c, "select count(*) from duckdb_tables() where temporary")).isZero();
            assertThat(rows(c, "select current_setting('preserve_insertion_order')::varchar"))
                    .containsExactly(List.of("true"));
        }
    }

    @Test
    void findsTheDuckDbConnectionBehindAPool() throws SQLException {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:duckdb:" + dir.resolve("pooled.duckdb").toAbsolutePath());
        config.setMaximumPoolSize(1);
        try (HikariDataSource pool = new HikariDataSource(config); Connection c = pool.getConnection()) {
            assertThat(WriteStrategy.forConnection(c)).isEqualTo(WriteStrategy.CSV_STAGE);

            LoadSummary summary = WarehouseLoader.replaceAll(c, network(2100, "v-"));

            assertThat(summary.rows("visits")).isEqualTo(2100);
            assertThat(queryLong(c, "select count(*) from visits")).isEqualTo(2100);
        }
    }

    @ParameterizedTest
    @EnumSource(value = WriteStrategy.class, names = "CSV_STAGE") // batch upserts need the server's key: dialect suite
    void upsertKeepsOtherRowsUpdatesChangedOnesAndCountsNewOnes(WriteStrategy strategy) throws SQLException {
        try (Connection c = open(dir.resolve("upsert.duckdb"))) {
            LoadSummary first = WarehouseLoader.load(c, LoadMode.UPSERT, strategy, network(2500, "v-"));
            assertThat(first.newRows("visits")).isEqualTo(2500);
            Map<String, String> once = checksums(c);

            LoadSummary again = WarehouseLoader.load(c, LoadMode.UPSERT, strategy, network(2500, "v-"));
            assertThat(checksums(c)).isEqualTo(once);
            assertThat(again.rows("visits")).isEqualTo(2500);
            assertThat(again.newRowsPerTable().values()).containsOnly(0L);

            // A newer export: one visit changed, one added; nothing else touched.
            LoadSummary newer = WarehouseLoader.load(c, LoadMode.UPSERT, strategy, sink -> {
                sink.append(VISITS, "v-7", "p-0", "loc-2", "dental", null, NINE, NINE, NINE, NINE.plusHours(1),
                        "no_show", null);
                sink.append(VISITS, "v-new", "p-1", "loc-1", "dental", null, NINE, NINE, NINE, NINE.plusHours(1),
                        "completed", new BigDecimal("9.99"));
            });
            assertThat(newer.newRows("visits")).isEqualTo(1);
            assertThat(newer.rows("visits")).isEqualTo(2);
            assertThat(queryLong(c, "select count(*) from visits")).isEqualTo(2501);
            assertThat(queryLong(c, "select count(*) from locations")).isEqualTo(2);
            assertThat(rows(c, "select status, location_id, charge_amount from visits where visit_id = 'v-7'"))
                    .containsExactly(Arrays.asList("no_show", "loc-2", null));
        }
    }

    @ParameterizedTest
    @EnumSource(value = WriteStrategy.class, names = "CSV_STAGE") // batch upserts need the server's key: dialect suite
    void upsertRefusesAKeyRepeatedWithinOneLoadAndRollsBack(WriteStrategy strategy) throws SQLException {
        try (Connection c = open(dir.resolve("repeat.duckdb"))) {
            WarehouseLoader.load(c, LoadMode.UPSERT, strategy, network(10, "v-"));
            Map<String, String> before = checksums(c);
            assertThatThrownBy(() -> WarehouseLoader.load(c, LoadMode.UPSERT, strategy,
                    network(30, "v-").andThen(network(2, "v-"))))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("repeats within one load")
                    .hasMessageContaining("'loc-1'");
            assertThat(checksums(c)).isEqualTo(before);
        }
    }

    private static void assertRejected(Connection c, Consumer<RowSink> producer, String message) {
        assertThatThrownBy(() -> WarehouseLoader.replaceAll(c, producer))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }
}
