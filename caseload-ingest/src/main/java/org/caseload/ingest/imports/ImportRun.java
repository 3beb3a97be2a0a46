package org.caseload.ingest.imports;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.caseload.ingest.load.DirectLoad;
import org.caseload.ingest.load.DirectLoadDeclined;
import org.caseload.ingest.load.LoadSummary;
import org.caseload.ingest.load.RowSink;
import org.caseload.ingest.load.WarehouseLoader;
import org.caseload.model.warehouse.Table;

/**
 * Runs one import: the source's rows go through {@link WarehouseLoader#upsert} in one transaction;
 * rejected rows are collected, all of them written to the rejects file, and if there are more than
 * allowed the transaction is rolled back, so a failed import leaves the database exactly as it was.
 *
 * <p>On DuckDB a source may let DuckDB read a large file itself ({@link DirectLoad}). When the source
 * declines that (its own check of the file found something the row-by-row path treats otherwise),
 * the attempt is rolled back, its rejects file discarded, and the import runs once more with every
 * row through the source: the row-by-row result is the reference the direct load must equal.
 */
public final class ImportRun {
    /** Rejects listed in the exception message; the file has them all. */
    public static final int REJECTS_SHOWN = 20;
    /** Progress is reported every this many rows: often enough to look live, rarely enough to cost nothing. */
    private static final int PROGRESS_EVERY = 4096;

    /** A lookup query failed; carried through the producer, which may only throw unchecked exceptions. */
    static final class DatabaseFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DatabaseFailure(SQLException cause) {
            super(cause.getMessage(), cause);
        }
    }

    private ImportRun() {}

    /**
     * @throws RejectedInputException more rejected rows than allowed, or unusable input (rolled back)
     * @throws org.caseload.ingest.csv.CsvFormatException unreadable CSV (rolled back)
     * @throws IOException the input could not be read (rolled back)
     * @throws SQLException the database failed (rolled back)
     */
    public static ImportResult run(Connection connection, ImportSource source, ImportOptions options)
            throws IOException, SQLException {
        if (!options.direct()) {
            return attempt(connection, source, options, false, null);
        }
        try {
            return attempt(connection, source, options, true, null);
        } catch (DirectLoadDeclined e) {
            // Rolled back, rejects discarded: read everything again, every row through the importer.
            return attempt(connection, source, options, false, e.getMessage());
        }
    }

    private static ImportResult attempt(Connection connection, ImportSource source, ImportOptions options,
            boolean direct, String declined) throws IOException, SQLException {
        long totalBytes = source.totalBytes();
        Context context = new Context(connection, options, totalBytes, direct);
        LoadSummary summary;
        boolean keepRejects = true;
        try {
            summary = WarehouseLoader.upsert(connection, sink -> {
                context.sink = sink;
                try {
                    source.produce(context);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                context.progress.update(context.rows, totalBytes, totalBytes);
                context.checkRejects();
            });
        } catch (DirectLoadDeclined e) {
            keepRejects = false;
            throw e;
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } catch (RejectedInputException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            // The loader refused the rows as a whole (a key repeated within the export).
            throw RejectedInputException.input(e.getMessage() + "; nothing was imported");
        } catch (DatabaseFailure e) {
            throw (SQLException) e.getCause();
        } finally {
            context.closeRejects(keepRejects);
        }
        return new ImportResult(summary, context.rows, context.rejected,
                context.rejected > 0 ? options.rejectsFile() : null, declined);
    }

    private static final class Context implements ImportContext {
        private final ImportOptions options;
        private final ImportProgress progress;
        private final long totalBytes;
        private final WarehouseLookup lookup;
        private final List<Reject> shown = new ArrayList<>();
        private final boolean direct;
        private RowSink sink;
        private long rows;
        private long bytesBefore;
        private long rejected;
        private Path partialRejects;
        private BufferedWriter rejects;

        Context(Connection connection, ImportOptions options, long totalBytes, boolean direct) {
            this.options = options;
            this.direct = direct;
            this.progress = options.progress();
            this.totalBytes = totalBytes;
            this.lookup = new WarehouseLookup(connection);
        }

        @Override
        public boolean append(String file, long line, Table table, Object... values) {
            try {
                sink.append(table, values);
                return true;
            } catch (IllegalArgumentException e) {
                // The loader's message names table, column and its own row count; the file position is what helps here.
                reject(file, line, "", "", e.getMessage().replaceFirst(", row \\d+:", ":"));
                return false;
            }
        }

        @Override
        public void reject(String file, long line, String column, String value, String reason) {
            Reject reject = new Reject(file, line, column, value, reason);
            rejected++;
            if (shown.size() < REJECTS_SHOWN) {
                shown.add(reject);
            }
            try {
                writeReject(reject);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the rejects file " + options.rejectsFile(), e);
            }
        }

        @Override
        public void rowRead(long fileBytesRead) {
            if (++rows % PROGRESS_EVERY == 0) {
                progress.update(rows, bytesBefore + fileBytesRead, totalBytes);
            }
        }

        @Override
        public void fileDone(long fileSize) {
            bytesBefore += fileSize;
            progress.update(rows, bytesBefore, totalBytes);
        }

        @Override
        public WarehouseLookup stored() {
            return lookup;
        }

        @Override
        public boolean fits(Table table, Object... values) {
            try {
                sink.check(table, values);
                return true;
            } catch (IllegalArgumentException e) {
                return false;
            }
        }

        @Override
        public Optional<DirectLoad> direct(Table table, String select, List<?> parameters) {
            return direct ? sink.direct(table, select, parameters) : Optional.empty();
        }

        void checkRejects() {
            if (rejected <= options.maxErrors()) {
                return;
            }
            StringBuilder message = new StringBuilder()
                    .append(rejected).append(rejected == 1 ? " row was" : " rows were").append(" rejected, more than the ")
                    .append(options.maxErrors()).append(" allowed (--max-errors); nothing was imported.");
            message.append(shown.size() < rejected ? " The first " + shown.size() + ":" : "");
            for (Reject reject : shown) {
                message.append("\n  ").append(reject);
            }
            message.append("\nAll rejected rows: ").append(options.rejectsFile());
            throw new RejectedInputException(message.toString(), rejected, shown, options.rejectsFile());
        }

        private void writeReject(Reject reject) throws IOException {
            if (rejects == null) {
                Path target = options.rejectsFile().toAbsolutePath();
                Files.createDirectories(target.getParent());
                partialRejects = target.resolveSibling(target.getFileName() + ".partial");
                rejects = Files.newBufferedWriter(partialRejects, StandardCharsets.UTF_8);
                rejects.write("file,line,column,value,reason\n");
            }
            rejects.write(csv(reject.file()) + "," + reject.line() + "," + csv(reject.column()) + ","
                    + csv(reject.value()) + "," + csv(reject.reason()) + "\n");
        }

        /**
         * The rejects file appears complete or not at all, like the import itself; an attempt that
         * will run again row by row leaves none (the next attempt reports the same rows).
         */
        void closeRejects(boolean keep) throws IOException {
            if (rejects == null) {
                return;
            }
            rejects.close();
            rejects = null;
            if (!keep) {
                Files.deleteIfExists(partialRejects);
                return;
            }
            Files.move(partialRejects, options.rejectsFile().toAbsolutePath(), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        }

        private static String csv(String value) {
            if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
                return value;
            }
            return '"' + value.replace("\"", "\"\"") + '"';
        }
    }
}
