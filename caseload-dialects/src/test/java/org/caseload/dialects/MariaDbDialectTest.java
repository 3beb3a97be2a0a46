package org.caseload.dialects;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.caseload.engine.dialect.Capability;
import org.caseload.engine.execute.AnalyticsDatabase;
import org.caseload.servers.ConsoleClients;
import org.caseload.servers.ServerHandle;
import org.caseload.servers.TestServers;
import org.junit.jupiter.api.Test;

/**
 * MariaDB 10.11 (the shared embedded server, or {@code -Dcaseload.test.mariadb.url=...}) in a database of its own,
 * loaded by multi-row INSERTs; the printed SQL also goes through the {@code mariadb} client, where backslashes in
 * string literals are escapes. No ordered-set aggregates: median and percentile metrics are refused.
 */
class MariaDbDialectTest extends DialectSuite {
    @Override
    protected String backendName() {
        return "MariaDB";
    }

    @Override
    protected Set<Capability> capabilities() {
        return granted();
    }

    @Override
    protected Backend openBackend() {
        ServerHandle server = TestServers.mariadb();
        ServerHandle db = server.createUniqueDatabase("dialect_suite");
        return new Backend(new AnalyticsDatabase(db.jdbcUrl(), db.user(), db.password()), Optional.of(db),
                () -> dropDatabase(server, db.database()));
    }

    /**
     * The console check means something here only while the server reads backslash escapes (no
     * NO_BACKSLASH_ESCAPES in its sql_mode): SQL that doubled only quotes must lose the dental line through
     * {@link GoldenRequests#BACKSLASH_TRAP}, while the printed SQL keeps it.
     */
    @Test
    void theBackslashTrapIsArmed() {
        ServerHandle console = requireConsoleClient();
        String sql = printed(golden("filter_backslash_and_quote")).out();
        assertThat(sql).contains("'Denta\\\\l'");
        String quotesDoubledOnly = sql.replace("\\\\", "\\");
        List<List<String>> naive = ConsoleClients.query(console, quotesDoubledOnly);
        List<List<String>> printed = ConsoleClients.query(console, sql);
        assertThat(printed).extracting(row -> row.get(0)).contains("dental");
        assertThat(naive).extracting(row -> row.get(0)).doesNotContain("dental").isNotEmpty();
    }
}
