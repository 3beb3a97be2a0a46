package org.caseload.app.servers;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.caseload.app.support.Replies;
import org.caseload.app.system.ReadRetry;
import org.caseload.servers.ServerHandle;
import org.jooq.SQLDialect;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Both databases on one server, and every pooled connection of both killed server-side, as a DBA, a
 * failover or a proxy would: the next requests — an analytics query, an app-database read and a
 * write — succeed on new connections. One subclass per server.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ConnectionKillContract {
    static final String JANUARY_VISITS = """
            {"metrics": ["visits"], "from": "2024-01-01", "to": "2024-02-01"}""";

    ServerHandle appDb;
    ServerHandle warehouse;
    ServedApp app;
    ReadRetry retry;

    abstract ServerHandle server();

    abstract SQLDialect dialect();

    /** The server's session ids on {@code db}'s database, other than the caller's. */
    abstract Set<String> sessions(ServerHandle db);

    /** Ends those sessions server-side; returns how many. */
    abstract int kill(ServerHandle db);

    /** More of the warehouse, for subclasses' tests. */
    void moreWarehouse(Connection c) throws Exception {}

    List<String> moreArgs() {
        return List.of();
    }

    @BeforeAll
    void start() throws Exception {
        String prefix = "caseload_" + getClass().getSimpleName().toLowerCase().replace("test", "");
        server().createDatabase(prefix + "_app");
        server().createDatabase(prefix + "_warehouse");
        appDb = server().withDatabase(prefix + "_app");
        warehouse = server().withDatabase(prefix + "_warehouse");
        try (Connection c = warehouse.connect()) {
            ServerClinic.create(c, dialect());
            moreWarehouse(c);
        }
        List<String> args = new java.util.ArrayList<>(List.of(
                "--spring.datasource.url=" + appDb.jdbcUrl(), "--spring.datasource.username=" + appDb.user(),
                "--spring.datasource.password=" + appDb.password(),
                "--caseload.analytics.url=" + warehouse.jdbcUrl(), "--caseload.analytics.user=" + warehouse.user(),
                "--caseload.analytics.password=" + warehouse.password(), "--caseload.analytics.pool-size=4"));
        args.addAll(moreArgs());
        app = ServedApp.start(args);
        retry = app.bean(ReadRetry.class);
    }

    @AfterAll
    void stop() {
        if (app != null) app.close();
    }

    @Test
    void killingEveryPooledConnectionOfBothDatabasesIsSurvived() {
        // Both pools hold connections: a query went through the analytics one, a dashboard list through the app's.
        assertThat(app.query(JANUARY_VISITS).status()).isEqualTo(200);
        assertThat(app.get("/api/dashboards").status()).isEqualTo(200);
        Set<String> before = union(sessions(appDb), sessions(warehouse));
        assertThat(sessions(appDb)).isNotEmpty();
        assertThat(sessions(warehouse)).isNotEmpty();

        assertThat(kill(appDb)).isPositive();
        assertThat(kill(warehouse)).isPositive();
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!java.util.Collections.disjoint(union(sessions(appDb), sessions(warehouse)), before)) {
            assertThat(System.nanoTime()).as("the killed sessions end").isLessThan(deadline);
            Sql.sleep(Duration.ofMillis(20));
        }
        // Past HikariCP's 500 ms: every pooled connection is checked before it is handed out, and a dead one replaced.
        Sql.sleep(Duration.ofMillis(700));
        long retriesBefore = retry.retries();

        ServedApp.Reply query = app.query(JANUARY_VISITS);
        assertThat(query.status()).as(query.toString()).isEqualTo(200);
        assertThat(Replies.rows(query.json()).get(0).get("visits").asLong()).isEqualTo(4); // a1 a2 b1 b2
        ServedApp.Reply list = app.get("/api/dashboards");
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        ServedApp.Reply write = app.post("/api/dashboards", "{\"name\": \"After the kill\"}");
        assertThat(write.status()).as(write.toString()).isEqualTo(201);
        assertThat(Sql.rows(appDb, "select count(*) from dashboard where name = 'After the kill'")).containsExactly(List.of("1"));
        // Validation on borrow did it; no query had to be run twice.
        assertThat(retry.retries()).isEqualTo(retriesBefore);
        // New sessions, none of the killed ones.
        assertThat(union(sessions(appDb), sessions(warehouse))).isNotEmpty().doesNotContainAnyElementsOf(before);
    }

    static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return all;
    }
}
