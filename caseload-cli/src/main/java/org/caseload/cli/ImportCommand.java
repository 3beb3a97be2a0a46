package org.caseload.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import org.caseload.engine.execute.AnalyticsDatabase;
import org.caseload.ingest.csv.CsvFormatException;
import org.caseload.ingest.fhir.FhirImport;
import org.caseload.ingest.imports.ImportOptions;
import org.caseload.ingest.imports.ImportResult;
import org.caseload.ingest.imports.ImportRun;
import org.caseload.ingest.imports.ImportSource;
import org.caseload.ingest.imports.RejectedInputException;
import org.caseload.ingest.roster.RosterImport;
import org.caseload.ingest.synthea.SyntheaImport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code caseload import synthea|roster|fhir}: EMR exports and rosters into the analytics database. */
@Command(name = "import", description = "Import an EMR export or a staff roster into the analytics database"
        + " (all or nothing; importing the same files again changes nothing).",
        subcommands = {ImportCommand.Synthea.class, ImportCommand.Roster.class, ImportCommand.Fhir.class})
final class ImportCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return Main.BAD_INPUT;
    }

    /** Options every importer takes. */
    static final class Common {
        @Mixin
        WarehouseOptions warehouse;

        @Option(names = "--max-errors", paramLabel = "N", defaultValue = "0",
                description = "Rejected rows tolerated; with more, nothing is imported (default: ${DEFAULT-VALUE}).")
        long maxErrors;

        @Option(names = "--rejects", paramLabel = "FILE", defaultValue = "caseload-rejects.csv",
                description = "Where rejected rows are written, when there are any (default: ${DEFAULT-VALUE}).")
        Path rejects;

        int run(ImportSource source, String what, PrintWriter err) throws IOException, SQLException {
            if (maxErrors < 0) {
                throw new BadInputException("--max-errors: must be 0 or more, not " + maxErrors);
            }
            ImportProgressLine progress = ImportProgressLine.onStderr(err, what);
            ImportOptions options = new ImportOptions(maxErrors, rejects, progress);
            AnalyticsDatabase target = warehouse.target();
            if (target.isDuckDb()) {
                Files.createDirectories(target.duckDbFile().toAbsolutePath().getParent()); // the file itself DuckDB creates
            }
            ImportResult result;
            try (Connection connection = target.connect()) {
                result = ImportRun.run(connection, source, options);
            } catch (RejectedInputException | CsvFormatException e) {
                progress.abandon();
                throw new BadInputException(e.getMessage());
            } catch (IOException | SQLException | RuntimeException e) {
                progress.abandon();
                throw e;
            }
            progress.done();
            StringBuilder line = new StringBuilder("imported into " + (target.isDuckDb() ? warehouse.db : target) + " in "
                    + String.format("%.1f s", result.load().elapsed().toMillis() / 1000.0) + ":");
            result.load().rowsPerTable().forEach((table, rows) -> {
                if (rows > 0) {
                    line.append(String.format(" %s=%,d (%,d new)", table, rows, result.load().newRows(table)));
                }
            });
            err.println(line);
            if (result.rowByRowBecause() != null) {
                // Slower than DuckDB's own read of the file; say why, so a slow import has a reason.
                err.println("read row by row, since DuckDB's direct read was declined: " + result.rowByRowBecause());
            }
            if (result.rejected() > 0) {
                err.printf("%,d %s rejected (allowed: %,d), listed in %s%n", result.rejected(),
                        result.rejected() == 1 ? "row" : "rows", maxErrors,
                        result.rejectsFile());
            }
            err.flush();
            return Main.OK;
        }
    }

    static ZoneId zone(String zone) {
        try {
            return ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new BadInputException("--zone: not a time zone: " + zone + " (use a region id like America/New_York)");
        }
    }

    static void existingDirectory(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new BadInputException("DIR: no directory at " + directory);
        }
    }

    @Command(name = "synthea", description = "Import a Synthea CSV export (organizations, providers, patients,"
            + " encounters). Patient names, SSNs and addresses are never read into the database.")
    static final class Synthea implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "DIR", description = "Directory with Synthea's CSV files.")
        Path directory;

        @Option(names = "--zone", paramLabel = "ZONE", defaultValue = "UTC",
                description = "Time zone of the organizations; Synthea's UTC times are converted to it (default: ${DEFAULT-VALUE}).")
        String zone;

        @Mixin
        Common common;

        @Override
        public Integer call() throws Exception {
            ZoneId zoneId = zone(zone);
            existingDirectory(directory);
            return common.run(new SyntheaImport(directory, zoneId), "synthea import", spec.commandLine().getErr());
        }
    }

    @Command(name = "roster", description = "Import a staff roster CSV (one row per shift): staff, role groups,"
            + " shifts split per calendar day, cost = hours × hourly_cost.")
    static final class Roster implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "Roster CSV with header " + "staff_id,staff_name,role_group,"
                + "clinical,location_id,service,shift_start,shift_end,hourly_cost.")
        Path file;

        @Mixin
        Common common;

        @Override
        public Integer call() throws Exception {
            if (!Files.isRegularFile(file)) {
                throw new BadInputException("FILE: no roster file at " + file);
            }
            return common.run(new RosterImport(file), "roster import", spec.commandLine().getErr());
        }
    }

    @Command(name = "fhir", description = "Import FHIR R4 bulk data NDJSON (Organization, Location, Practitioner,"
            + " PractitionerRole, Patient, Encounter). Patient names and addresses are never read into the database.")
    static final class Fhir implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "DIR", description = "Directory with the NDJSON files of a bulk $export.")
        Path directory;

        @Option(names = "--zone", paramLabel = "ZONE", defaultValue = "UTC",
                description = "Time zone for locations whose resources give none (default: ${DEFAULT-VALUE}).")
        String zone;

        @Mixin
        Common common;

        @Override
        public Integer call() throws Exception {
            ZoneId zoneId = zone(zone);
            existingDirectory(directory);
            return common.run(new FhirImport(directory, zoneId), "fhir import", spec.commandLine().getErr());
        }
    }
}
