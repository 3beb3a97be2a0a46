package org.caseload.bench;

import java.util.Locale;
import org.jooq.SQLDialect;

/**
 * Which database the end-to-end comparison runs on: the DuckDB file (the default, in-process), or a
 * PostgreSQL or MariaDB server started from caseload-servers and filled through the loader.
 */
public enum Backend {
    DUCKDB(SQLDialect.DUCKDB, "DuckDB", 10_000_000, 1_000_000),
    POSTGRES(SQLDialect.POSTGRES, "PostgreSQL", 2_000_000, 200_000),
    MARIADB(SQLDialect.MARIADB, "MariaDB", 1_000_000, 200_000);

    private final SQLDialect dialect;
    private final String displayName;
    private final int defaultVisits;
    private final int quickVisits;

    Backend(SQLDialect dialect, String displayName, int defaultVisits, int quickVisits) {
        this.dialect = dialect;
        this.displayName = displayName;
        this.defaultVisits = defaultVisits;
        this.quickVisits = quickVisits;
    }

    public SQLDialect dialect() {
        return dialect;
    }

    public String displayName() {
        return displayName;
    }

    /**
     * Visits of a full run: on DuckDB the demo's maximum; on a server the largest size that the loader
     * fills in a couple of minutes on this 2-core machine (see the README for the measured load rates).
     */
    public int defaultVisits() {
        return defaultVisits;
    }

    /** Visits of {@code --quick}. */
    public int quickVisits() {
        return quickVisits;
    }

    public boolean isServer() {
        return this != DUCKDB;
    }

    /** {@code duckdb}, {@code postgres} or {@code mariadb}, as {@code --backend} takes it. */
    public String optionName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Backend parse(String name) {
        for (Backend b : values()) {
            if (b.optionName().equals(name.toLowerCase(Locale.ROOT))) {
                return b;
            }
        }
        if (name.equalsIgnoreCase("postgresql") || name.equalsIgnoreCase("pg")) {
            return POSTGRES;
        }
        throw new IllegalArgumentException("--backend is duckdb, postgres or mariadb, not " + name);
    }
}
