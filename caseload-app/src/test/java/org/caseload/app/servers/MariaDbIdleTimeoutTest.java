package org.caseload.app.servers;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.caseload.app.support.Replies;
import org.caseload.app.system.ReadRetry;
import org.caseload.servers.MariaDbServer;
import org.caseload.servers.ServerHandle;
import org.caseload.servers.TestServers;
import org.jooq.SQLDialect;
import org.junit.jupiter.api.Test;

/**
 * Both databases on a MariaDB server that closes connections idle for 5 s ({@code wait_timeout=5}),
 * under HikariCP's 30 s minimum for maxLifetime and keepalive: the served app idles 10 s, the server
 * drops every pooled connection meanwhile, and the next requests answer normally — because the pool
 * validates connections idle for more than 500 ms before handing them out, not because anything is
 * retried.
 */
class MariaDbIdleTimeoutTest {
    @Test
    void connectionsTheServerClosedWhileIdleAreReplacedUnseen() throws Exception {
        try (MariaDbServer own = TestServers.startMariaDb(Map.of("wait_timeout", "5"))) {
            ServerHandle root = own.handle();
            root.createDatabase("app");
            root.createDatabase("warehouse");
            ServerHandle appDb = root.withDatabase("app");
            ServerHandle warehouse = root.withDatabase("warehouse");
            try (Connection c = warehouse.connect()) {
                ServerClinic.create(c, SQLDialect.MARIADB);
            }
            try (ServedApp app = ServedApp.start(List.of("--spring.datasource.url=" + appDb.jdbcUrl(),
                    "--spring.datasource.username=" + appDb.user(), "--spring.datasource.password=" + appDb.password(),
                    "--caseload.analytics.url=" + warehouse.jdbcUrl(), "--caseload.analytics.user=" + warehouse.user(),
                    "--caseload.analytics.password=" + warehouse.password()))) {
                assertThat(Sql.rows(warehouse, "select @@global.wait_timeout")).containsExactly(List.of("5"));
                ServedApp.Reply warm = app.query(ServerClinic.JANUARY_BY_LOCATION);
                assertThat(warm.status()).as(warm.toString()).isEqualTo(200);
                assertThat(app.get("/api/dashboards").status()).isEqualTo(200);
                Set<String> before = sessions(root);
                assertThat(before).isNotEmpty();
                long retries = app.bean(ReadRetry.class).retries();

                Sql.sleep(Duration.ofSeconds(10));
                // The server closed every connection of both pools meanwhile.
                assertThat(sessions(root)).doesNotContainAnyElementsOf(before);

                ServedApp.Reply r = app.query(ServerClinic.JANUARY_BY_LOCATION);
                assertThat(r.status()).as(r.toString()).isEqualTo(200);
                assertThat(Replies.rows(r.json())).extracting(m -> m.get("location_label").asString() + "=" + m.get("visits").asLong())
                        .containsExactly("Alder Clinic=2", "Birch Clinic=2");
                assertThat(app.get("/api/dashboards").status()).isEqualTo(200);
                ServedApp.Reply write = app.post("/api/dashboards", "{\"name\": \"After idling\"}");
                assertThat(write.status()).as(write.toString()).isEqualTo(201);
                assertThat(Sql.rows(appDb, "select count(*) from dashboard where name = 'After idling'")).containsExactly(List.of("1"));
                assertThat(app.bean(ReadRetry.class).retries()).isEqualTo(retries);
            }
        }
    }

    /** Session ids of the two pools (any database but the caller's own session). */
    private static Set<String> sessions(ServerHandle root) {
        return Sql.rows(root, "select id from information_schema.processlist where db in ('app', 'warehouse')"
                + " and id <> connection_id()").stream().map(r -> r.get(0)).collect(Collectors.toSet());
    }
}
