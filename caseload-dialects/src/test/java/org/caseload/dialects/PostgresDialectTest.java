package org.caseload.dialects;

import java.util.Optional;
import java.util.Set;
import org.caseload.engine.dialect.Capability;
import org.caseload.engine.execute.AnalyticsDatabase;
import org.caseload.servers.ServerHandle;
import org.caseload.servers.TestServers;

/**
 * PostgreSQL 14 (the shared embedded server, or {@code -Dcaseload.test.postgres.url=...}) in a database of its own,
 * loaded by COPY; the printed SQL also goes through {@code psql}. PostgreSQL has every capability: median through
 * {@code percentile_cont(0.5)}.
 */
class PostgresDialectTest extends DialectSuite {
    @Override
    protected String backendName() {
        return "PostgreSQL";
    }

    @Override
    protected Set<Capability> capabilities() {
        return granted(Capability.MEDIAN, Capability.PERCENTILE);
    }

    @Override
    protected Backend openBackend() {
        ServerHandle server = TestServers.postgres();
        // A unique name: an external server may be shared by several CI jobs.
        ServerHandle db = server.createUniqueDatabase("dialect_suite");
        return new Backend(new AnalyticsDatabase(db.jdbcUrl(), db.user(), db.password()), Optional.of(db),
                () -> dropDatabase(server, db.database()));
    }
}
