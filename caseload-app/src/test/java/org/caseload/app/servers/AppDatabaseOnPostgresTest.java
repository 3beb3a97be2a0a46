package org.caseload.app.servers;

import org.caseload.servers.ServerHandle;
import org.caseload.servers.TestServers;

/** The app database on PostgreSQL 14: the standard migrations. */
class AppDatabaseOnPostgresTest extends AppDatabaseContract {
    @Override
    ServerHandle server() {
        return TestServers.postgres();
    }

    @Override
    String expectedDialect() {
        return "PostgreSQLDialect";
    }

    @Override
    String expectedMigrations() {
        return "classpath:db/migration/standard";
    }

    @Override
    String success() {
        return "t";
    }
}
