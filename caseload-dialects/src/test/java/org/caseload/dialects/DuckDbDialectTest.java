package org.caseload.dialects;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.caseload.engine.dialect.Capability;
import org.caseload.engine.execute.AnalyticsDatabase;

/**
 * DuckDB as a backend like the others: a second file, loaded through the same loader, must give the reference's
 * results. This holds the generator and loader to determinism and the suite to comparing what it claims to (a
 * DuckDB backend that differed from a DuckDB reference would be a bug of the suite or of the data).
 */
class DuckDbDialectTest extends DialectSuite {
    @Override
    protected String backendName() {
        return "DuckDB";
    }

    @Override
    protected Set<Capability> capabilities() {
        return granted(Capability.MEDIAN, Capability.PERCENTILE);
    }

    @Override
    protected Backend openBackend() {
        Path file = ReferenceWarehouse.workDirectory().resolve("duckdb-backend.duckdb");
        ReferenceWarehouse.deleteDuckDb(file);
        return new Backend(AnalyticsDatabase.duckdb(file), Optional.empty(), () -> ReferenceWarehouse.deleteDuckDb(file));
    }
}
