package org.caseload.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.caseload.engine.execute.AnalyticsDatabase;
import picocli.CommandLine.Option;

/**
 * {@code --db}, {@code --url} and {@code --user}, shared by the verbs that read or write the
 * warehouse. A URL (flag or {@code CASELOAD_ANALYTICS_URL}) selects a server; the password comes
 * only from {@code CASELOAD_ANALYTICS_PASSWORD}, never from the command line, where other users of
 * the machine could read it.
 */
final class WarehouseOptions {
    static final String DEFAULT_DB = "data/caseload.duckdb";

    @Option(names = "--db", paramLabel = "PATH", defaultValue = DEFAULT_DB,
            description = "DuckDB file of the analytics database (default: ${DEFAULT-VALUE}).")
    Path db;

    @Option(names = "--url", paramLabel = "JDBC_URL", defaultValue = "${env:CASELOAD_ANALYTICS_URL}",
            description = "Analytics database on a server instead of --db: jdbc:postgresql://…, jdbc:mariadb://…,"
                    + " jdbc:mysql://… or jdbc:trino://host:port/catalog/schema (default: $CASELOAD_ANALYTICS_URL)."
                    + " Password from $CASELOAD_ANALYTICS_PASSWORD.")
    String url;

    @Option(names = "--user", paramLabel = "NAME", defaultValue = "${env:CASELOAD_ANALYTICS_USER}",
            description = "User for --url (default: $CASELOAD_ANALYTICS_USER).")
    String user;

    Path existingDb() {
        if (!Files.isRegularFile(db)) {
            throw new BadInputException("--db: no database at " + db
                    + " — run `caseload demo-data` to create demo data, or pass --db PATH");
        }
        return db;
    }

    /** The analytics database to read: the server of {@code --url}, else the existing DuckDB file. */
    AnalyticsDatabase existing() {
        return url != null && !url.isBlank() ? server() : AnalyticsDatabase.duckdb(existingDb());
    }

    /** The analytics database to write: the server of {@code --url}, else the DuckDB file (created if missing). */
    AnalyticsDatabase target() {
        return url != null && !url.isBlank() ? server() : AnalyticsDatabase.duckdb(db);
    }

    /** Whether a server URL was given; SQL printing then uses its dialect. */
    boolean hasUrl() {
        return url != null && !url.isBlank();
    }

    private AnalyticsDatabase server() {
        try {
            return new AnalyticsDatabase(url.trim(), user, System.getenv("CASELOAD_ANALYTICS_PASSWORD"));
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--url: " + e.getMessage());
        }
    }
}
