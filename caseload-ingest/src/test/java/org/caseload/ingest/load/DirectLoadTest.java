package org.caseload.ingest.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.caseload.ingest.DuckDbTestSupport.checksums;
import static org.caseload.ingest.DuckDbTestSupport.open;
import static org.caseload.ingest.DuckDbTestSupport.rows;
import static org.caseload.ingest.DuckDbTestSupport.tables;
import static org.caseload.model.warehouse.WarehouseSchema.LOCATIONS;
import static org.caseload.model.warehouse.WarehouseSchema.SERVICES;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The load session's side of a {@link DirectLoad}: where its rows go, what it refuses, how it fails. */
class DirectLoadTest {
    @TempDir
    Path dir;

    private Path services(String csv) throws Exception {
        Path file = dir.resolve("services-" + System.nanoTime() + ".csv");
        Files.writeString(file, csv);
        return file;
    }

    private static String select() {
        return "select id, label from read_csv(?, header = true, auto_detect = false, columns = {'id': 'VARCHAR', 'label': 'VARCHAR'})";
    }

    @Test
    void rowsGoStraightIntoAnEmptyTableAndAreMergedIntoAFilledOne() throws Exception {
        Path first = services("id,label\ndental,Dental\nlab,Lab\n");
        Path second = services("id,label\ndental,Dental care\nxray,X-ray\n");
        try (Connection c = open(dir.resolve("w.duckdb"))) {
            LoadSummary one = WarehouseLoader.upsert(c, sink -> {
                DirectLoad load = sink.direct(SERVICES, select(), List.of(first.toString())).orElseThrow();
                assertThat(load.await()).isEqualTo(2);
                assertThat(load.sums("strlen(service_id)")).containsExactly(9);
                load.keep();
            });
            assertThat(one.directTables()).containsExactly("services");
            assertThat(one.rows("services")).isEqualTo(2);
            assertThat(one.newRows("services")).isEqualTo(2);
            LoadSummary two = WarehouseLoader.upsert(c, sink -> {
                DirectLoad load = sink.direct(SERVICES, select(), List.of(second.toString())).orElseThrow();
                // Sums are over this load's rows (the stage), not the whole table.
                assertThat(load.sums("1")).containsExactly(2);
                load.keep();
            });
            assertThat(two.rows("services")).isEqualTo(2);
            assertThat(two.newRows("services")).isEqualTo(1);
            assertThat(rows(c, "select service_id, name from services order by 1")).containsExactly(
                    List.of("dental", "Dental care"), List.of("lab", "Lab"), List.of("xray", "X-ray"));
        }
    }

    @Test
    void rowsForStageFilesMayBeAppendedWhileTheQueryRunsAndCountAsTheirOwn() throws Exception {
        Path file = services("id,label\ndental,Dental\n");
        try (Connection c = open(dir.resolve("w.duckdb"))) {
            WarehouseLoader.upsert(c, sink -> sink.append(LOCATIONS, "loc-1", "Elm Street Clinic", null, null, "UTC"));
            LoadSummary summary = WarehouseLoader.upsert(c, sink -> {
                DirectLoad load = sink.direct(SERVICES, select(), List.of(file.toString())).orElseThrow();
                // A stage file waits for the connection until the load finishes, so this may go on meanwhile.
                sink.append(LOCATIONS, "loc-1", "Elm Street Clinic", "Springfield", null, "UTC");
                sink.append(LOCATIONS, "loc-2", "Oak Avenue Clinic", null, null, "UTC");
                load.keep();
            });
            assertThat(summary.rows("locations")).isEqualTo(2);
            assertThat(summary.newRows("locations")).isEqualTo(1); // counted before the merge, not while DuckDB read
            assertThat(summary.rows("services")).isEqualTo(1);
            assertThat(rows(c, "select location_id, city from locations order by 1")).containsExactly(
                    List.of("loc-1", "Springfield"), java.util.Arrays.asList("loc-2", null));
        }
    }

    @Test
    void whileTheQueryRunsNoOtherDirectLoadMayStart() throws Exception {
        Path file = services("id,label\ndental,Dental\n");
        try (Connection c = open(dir.resolve("w.duckdb"))) {
            assertThatThrownBy(() -> WarehouseLoader.upsert(c, sink -> {
                sink.direct(SERVICES, select(), List.of(file.toString())).orElseThrow();
                sink.direct(LOCATIONS, "select 'loc-1', 'Elm', null, null, 'UTC'", List.of());
            })).isInstanceOf(IllegalStateException.class).hasMessageContaining("being loaded directly");
            assertThat(tables(c)).isEmpty(); // the load's tables went with its rollback
        }
    }

    @Test
    void aDeclinedOrFailedDirectLoadRollsTheLoadBack() throws Exception {
        Path file = services("id,label\ndental,Dental\n");
        Path broken = services("id,label\n\"dental,Dental\n");
        try (Connection c = open(dir.resolve("w.duckdb"))) {
            WarehouseLoader.upsert(c, sink -> sink.append(LOCATIONS, "loc-1", "Elm Street Clinic", null, null, "UTC"));
            Map<String, String> before = checksums(c);
            assertThatThrownBy(() -> WarehouseLoader.upsert(c, sink -> {
                sink.append(LOCATIONS, "loc-2", "Cedar Park Clinic", null, null, "UTC");
                sink.direct(SERVICES, select(), List.of(file.toString())).orElseThrow();
                throw new DirectLoadDeclined("the importer saw a row the query reads otherwise", null);
            })).isInstanceOf(DirectLoadDeclined.class);
            assertThat(checksums(c)).isEqualTo(before);
            assertThatThrownBy(() -> WarehouseLoader.upsert(c, sink -> {
                DirectLoad load = sink.direct(SERVICES, select(), List.of(broken.toString())).orElseThrow();
                load.await();
            })).isInstanceOf(DirectLoadDeclined.class).hasMessageContaining("DuckDB's reading failed");
            assertThat(checksums(c)).isEqualTo(before);
            assertThatThrownBy(() -> WarehouseLoader.upsert(c, sink -> {
                sink.direct(SERVICES, select(), List.of(file.toString())).orElseThrow().await();
            })).isInstanceOf(IllegalStateException.class).hasMessageContaining("neither kept nor declined");
            assertThat(checksums(c)).isEqualTo(before);
        }
    }

    @Test
    void aTableWithAppendedRowsIsNotLoadedDirectly() throws Exception {
        Path file = services("id,label\ndental,Dental\n");
        try (Connection c = open(dir.resolve("w.duckdb"))) {
            WarehouseLoader.upsert(c, sink -> {
                sink.append(SERVICES, "lab", "Lab");
                assertThat(sink.direct(SERVICES, select(), List.of(file.toString()))).isEmpty();
            });
        }
    }
}
