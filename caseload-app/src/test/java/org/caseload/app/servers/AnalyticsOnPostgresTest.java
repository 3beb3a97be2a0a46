package org.caseload.app.servers;

import java.util.List;
import java.util.Map;
import org.caseload.app.AppMain;
import org.caseload.servers.ServerHandle;
import org.caseload.servers.TestServers;
import org.jooq.SQLDialect;

/** The warehouse on PostgreSQL 14, given as {@code caseload serve --url … --user …} with the password from the environment. */
class AnalyticsOnPostgresTest extends AnalyticsServerContract {
    @Override
    ServerHandle server() {
        return TestServers.postgres();
    }

    @Override
    SQLDialect dialect() {
        return SQLDialect.POSTGRES;
    }

    @Override
    List<String> serveArgs(ServerHandle warehouse, Map<String, String> environment) {
        environment.put("CASELOAD_ANALYTICS_PASSWORD", warehouse.password());
        List<String> args = new java.util.ArrayList<>(AppMain.serveArgs(environment::get, "--url", warehouse.jdbcUrl(),
                "--user", warehouse.user(), "--port", "0", "--demo"));
        args.add(ServedApp.h2AppDatabase());
        return args;
    }
}
