package org.caseload.app.servers;

import org.caseload.servers.ServerHandle;
import org.caseload.servers.TestServers;

/** The app database on MariaDB 10.11: the mysql-family migrations. */
class AppDatabaseOnMariaDbTest extends AppDatabaseContract {
    @Override
    ServerHandle server() {
        return TestServers.mariadb();
    }

    @Override
    String expectedDialect() {
        return "MariaDBDialect";
    }

    @Override
    String expectedMigrations() {
        return "classpath:db/migration/mysql-family";
    }

    @Override
    String success() {
        return "1";
    }
}
