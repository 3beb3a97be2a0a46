package org.caseload.ingest.imports;

import java.nio.file.Path;
import java.util.List;

/**
 * More rows were rejected than {@code --max-errors} allows, or the input's shape is wrong (a file or
 * a required column missing): the import was rolled back and the database is as it was.
 */
public final class RejectedInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final long rejected;
    private final transient List<Reject> shown;
    private final transient Path rejectsFile;

    RejectedInputException(String message, long rejected, List<Reject> shown, Path rejectsFile) {
        super(message);
        this.rejected = rejected;
        this.shown = List.copyOf(shown);
        this.rejectsFile = rejectsFile;
    }

    /** The input as a whole cannot be imported (a file missing, say); nothing was read into the database. */
    public static RejectedInputException input(String message) {
        return new RejectedInputException(message, 0, List.of(), null);
    }

    /** Rows rejected in all (0 when the input as a whole was refused). */
    public long rejected() {
        return rejected;
    }

    /** The first rejects, in input order, as listed in the message. */
    public List<Reject> shown() {
        return shown;
    }

    /** Where every reject was written, or null when there were none. */
    public Path rejectsFile() {
        return rejectsFile;
    }
}
