package org.caseload.app.servers;

import java.util.Set;
import java.util.stream.Collectors;
import org.caseload.servers.ServerHandle;
import org.caseload.servers.TestServers;
import org.jooq.SQLDialect;

/** {@link ConnectionKillContract} on MariaDB 10.11: {@code KILL} of every session of both databases. */
class MariaDbFaultsTest extends ConnectionKillContract {
    @Override
    ServerHandle server() {
        return TestServers.mariadb();
    }

    @Override
    SQLDialect dialect() {
        return SQLDialect.MARIADB;
    }

    @Override
    Set<String> sessions(ServerHandle db) {
        return Sql.rows(db, "select id from information_schema.processlist where db = database() and id <> connection_id()")
                .stream().map(r -> r.get(0)).collect(Collectors.toSet());
    }

    @Override
    int kill(ServerHandle db) {
        return Sql.killMariaDbSessions(db).size();
    }
}
