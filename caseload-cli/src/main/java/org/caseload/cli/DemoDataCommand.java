package org.caseload.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.concurrent.Callable;
import org.caseload.ingest.demo.DemoGenerator;
import org.caseload.ingest.demo.DemoOptions;
import org.caseload.ingest.load.LoadSummary;
import org.caseload.engine.execute.AnalyticsDatabase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "demo-data", description = "Generate the demo clinic network (2024–2025) into the analytics database, replacing its contents.")
final class DemoDataCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    WarehouseOptions warehouse;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "" + DemoOptions.DEFAULT_SEED, description = "Random seed (default: ${DEFAULT-VALUE}); the same seed gives the same data.")
    long seed;

    @Option(names = "--visits", paramLabel = "N", defaultValue = "" + DemoOptions.DEFAULT_VISITS, description = "About how many visits (default: ${DEFAULT-VALUE}).")
    int visits;

    @Override
    public Integer call() throws Exception {
        if (visits < 1 || visits > DemoOptions.MAX_VISITS) {
            throw new BadInputException("--visits: must be between 1 and " + DemoOptions.MAX_VISITS + ", not " + visits);
        }
        if (warehouse.hasUrl()) {
            generate(warehouse.target(), new DemoOptions(seed, visits), spec.commandLine().getErr());
        } else {
            generate(warehouse.db, new DemoOptions(seed, visits), spec.commandLine().getErr());
        }
        return Main.OK;
    }

    /**
     * Writes into a sibling file and moves it over {@code db} only when complete, so a failed or
     * interrupted run leaves the previous database exactly as it was.
     */
    static LoadSummary generate(Path db, DemoOptions options, PrintWriter err) throws Exception {
        Path target = db.toAbsolutePath();
        Files.createDirectories(target.getParent());
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        deleteDatabase(partial);
        Progress progress = new Progress(err, "demo visits", options.visits());
        LoadSummary summary;
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + partial)) {
            summary = DemoGenerator.generate(c, options, progress::update);
        } catch (Exception e) {
            deleteDatabase(partial);
            throw e;
        }
        progress.done();
        deleteDatabase(target);
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return printed(summary, db.toString(), err);
    }

    /** Into a server: one transaction replaces the warehouse tables' rows, so a failure changes nothing. */
    static LoadSummary generate(AnalyticsDatabase server, DemoOptions options, PrintWriter err) throws Exception {
        Progress progress = new Progress(err, "demo visits", options.visits());
        LoadSummary summary;
        try (Connection c = server.connect()) {
            summary = DemoGenerator.generate(c, options, progress::update);
        }
        progress.done();
        return printed(summary, server.toString(), err);
    }

    /** The one summary line: where, how long, rows per table. */
    private static LoadSummary printed(LoadSummary summary, String where, PrintWriter err) {
        StringBuilder line = new StringBuilder("wrote " + where + " in " + String.format("%.1f s", summary.elapsed().toMillis() / 1000.0) + ":");
        summary.rowsPerTable().forEach((t, n) -> line.append(' ').append(t).append('=').append(String.format("%,d", n)));
        err.println(line);
        err.flush();
        return summary;
    }

    private static void deleteDatabase(Path file) throws IOException {
        Files.deleteIfExists(file);
        Files.deleteIfExists(file.resolveSibling(file.getFileName() + ".wal"));
    }
}
