package org.caseload.ingest.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.caseload.ingest.DuckDbTestSupport;
import org.caseload.ingest.imports.ImportOptions;
import org.caseload.ingest.imports.ImportResult;
import org.caseload.ingest.imports.ImportRun;
import org.caseload.ingest.imports.ImportSource;

/**
 * Fixtures and scratch space for the FHIR import tests. The fixture is one small Synthea run exported
 * both as FHIR bulk data and as CSV; expectations are read from it with Jackson, not through HAPI.
 */
final class FhirTestSupport {
    static final ObjectMapper JSON = new ObjectMapper();
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private FhirTestSupport() {}

    static Path fhirFixture() {
        return resource("/synthea/fhir");
    }

    static Path csvFixture() {
        return resource("/synthea/csv");
    }

    private static Path resource(String name) {
        try {
            return Path.of(FhirTestSupport.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An empty directory under target/ for one test's databases and exports, emptied first if a run left it. */
    static Path freshDir(String name) throws IOException {
        Path dir = Path.of("target", "fhir-tests", name).toAbsolutePath();
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        return Files.createDirectories(dir);
    }

    /** Copies the FHIR fixture into {@code target}, so that a test can add or break lines. */
    static Path copyFhirFixture(Path target) throws IOException {
        Files.createDirectories(target);
        try (Stream<Path> files = Files.list(fhirFixture())) {
            for (Path file : files.toList()) {
                Files.copy(file, target.resolve(file.getFileName().toString()));
            }
        }
        return target;
    }

    /** Every resource of {@code type} in any NDJSON file of the directory, parsed with Jackson. */
    static List<JsonNode> resources(Path dir, String type) throws IOException {
        List<JsonNode> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".ndjson")).sorted().toList()) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    if (!line.isBlank()) {
                        JsonNode node = JSON.readTree(line);
                        if (type.equals(node.path("resourceType").asText())) {
                            found.add(node);
                        }
                    }
                }
            }
        }
        return found;
    }

    static ImportResult importFhir(Connection c, Path export, ZoneId zone, Path scratch)
            throws IOException, SQLException {
        return run(c, new FhirImport(export, zone), scratch);
    }

    static ImportResult run(Connection c, ImportSource source, Path scratch) throws IOException, SQLException {
        return ImportRun.run(c, source, ImportOptions.defaults().withRejectsFile(scratch.resolve("rejects.csv")));
    }

    /** Every value of every table, one line per row, as the database renders them. */
    static String everyTableAsText(Connection c) throws SQLException {
        StringBuilder text = new StringBuilder();
        for (String table : DuckDbTestSupport.tables(c)) {
            for (List<String> row : DuckDbTestSupport.rows(c, "select * from " + table)) {
                text.append(table).append(": ").append(String.join(" | ", row.stream().map(String::valueOf).toList()))
                        .append('\n');
            }
        }
        return text.toString();
    }

    static void write(Path file, String... lines) {
        try {
            Files.writeString(file, lines.length == 0 ? "" : String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
