package org.caseload.app.servers;

import java.util.List;
import java.util.Map;
import org.caseload.app.AppMain;
import org.caseload.servers.ServerHandle;
import org.caseload.servers.TestServers;
import org.jooq.SQLDialect;

/** The warehouse on MariaDB 10.11, given only by CASELOAD_ANALYTICS_URL, _USER and _PASSWORD to {@code caseload serve}. */
class AnalyticsOnMariaDbTest extends AnalyticsServerContract {
    @Override
    ServerHandle server() {
        return TestServers.mariadb();
    }

    @Override
    SQLDialect dialect() {
        return SQLDialect.MARIADB;
    }

    @Override
    List<String> serveArgs(ServerHandle warehouse, Map<String, String> environment) {
        environment.put("CASELOAD_ANALYTICS_URL", warehouse.jdbcUrl());
        environment.put("CASELOAD_ANALYTICS_USER", warehouse.user());
        environment.put("CASELOAD_ANALYTICS_PASSWORD", warehouse.password());
        List<String> args = new java.util.ArrayList<>(AppMain.serveArgs(environment::get, "--port", "0", "--demo"));
        args.add(ServedApp.h2AppDatabase());
        return args;
    }
}
