package org.caseload.bench.data;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.caseload.ingest.demo.DemoGenerator;
import org.caseload.ingest.demo.DemoOptions;

/** A demo warehouse file for one seed and size, generated on first use. */
public final class DemoData {
    private DemoData() {}

    /** Where the warehouse for {@code seed} and {@code visits} lives in {@code dir}, whether or not it exists yet. */
    public static Path file(Path dir, long seed, int visits) {
        return dir.resolve("demo-seed" + seed + "-visits" + visits + ".duckdb");
    }

    /**
     * The warehouse file, generating it first when missing. Generation writes to a side file and
     * renames it when complete, so an interrupted run never leaves a file that looks reusable.
     */
    public static Path ensure(Path dir, long seed, int visits, PrintStream log) throws IOException, SQLException {
        Path file = file(dir, seed, visits);
        if (Files.isRegularFile(file)) {
            log.printf("data: reusing %s (%,d MiB)%n", file, Files.size(file) >> 20);
            return file;
        }
        Files.createDirectories(dir);
        Path partial = dir.resolve(file.getFileName() + ".partial");
        Files.deleteIfExists(partial);
        Files.deleteIfExists(Path.of(partial + ".wal"));
        log.printf("data: generating %,d demo visits (seed %d) into %s%n", visits, seed, file);
        long start = System.nanoTime();
        long step = Math.max(1, visits / 10);
        long[] nextReport = {step};
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + partial.toAbsolutePath())) {
            DemoGenerator.generate(c, new DemoOptions(seed, visits), written -> {
                if (written >= nextReport[0]) {
                    log.printf("data:   %,d visits written (%.0f s)%n", written, (System.nanoTime() - start) / 1e9);
                    nextReport[0] = (written / step + 1) * step;
                }
            });
            try (Statement s = c.createStatement()) {
                // Folds the write-ahead log into the file, so the rename moves one complete database.
                s.execute("CHECKPOINT");
            }
        }
        Files.deleteIfExists(Path.of(partial + ".wal"));
        Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
        log.printf("data: generated in %.0f s (%,d MiB)%n", (System.nanoTime() - start) / 1e9, Files.size(file) >> 20);
        return file;
    }
}
