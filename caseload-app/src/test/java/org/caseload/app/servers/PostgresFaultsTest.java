package org.caseload.app.servers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.caseload.app.audit.AuditEntry;
import org.caseload.app.audit.AuditService;
import org.caseload.app.support.Replies;
import org.caseload.servers.ServerHandle;
import org.caseload.servers.TestServers;
import org.jooq.SQLDialect;
import org.junit.jupiter.api.Test;

/**
 * {@link ConnectionKillContract} on PostgreSQL 14 ({@code pg_terminate_backend}), and what needs a
 * session to be caught in the act: a query blocked on a lock whose session is then killed (retried),
 * a write in the same spot (not retried), a SQL error (not retried), and a CSV download whose client
 * goes away (its query ends).
 */
class PostgresFaultsTest extends ConnectionKillContract {
    /** The bulk export: one completed visit per staff member and day, 200 staff over 1 500 days from 2030. */
    static final int BULK_STAFF = 200;
    static final int BULK_DAYS = 1500;

    @Override
    ServerHandle server() {
        return TestServers.postgres();
    }

    @Override
    SQLDialect dialect() {
        return SQLDialect.POSTGRES;
    }

    @Override
    Set<String> sessions(ServerHandle db) {
        return Sql.rows(db, "select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()")
                .stream().map(r -> r.get(0)).collect(Collectors.toSet());
    }

    @Override
    int kill(ServerHandle db) {
        return Sql.terminatePostgresSessions(db);
    }

    @Override
    void moreWarehouse(Connection c) throws Exception {
        try (Statement s = c.createStatement()) {
            s.execute("insert into locations (location_id, name, time_zone) values ('loc-bulk', 'Bulk Clinic', 'UTC')");
            s.execute("insert into staff (staff_id, name, role_group_id, home_location_id)"
                    + " select 'bulk-' || lpad(i::text, 4, '0'), 'Bulk ' || lpad(i::text, 4, '0'), 'rg-clinical', 'loc-bulk'"
                    + " from generate_series(1, " + BULK_STAFF + ") i");
            s.execute("insert into visits (visit_id, location_id, staff_id, scheduled_at, checked_in_at, started_at, ended_at,"
                    + " status, charge_amount)"
                    + " select 'bulk-' || i || '-' || d, 'loc-bulk', 'bulk-' || lpad(i::text, 4, '0'),"
                    + " t, t, t, t + interval '20 minutes', 'completed', 10.00"
                    + " from generate_series(1, " + BULK_STAFF + ") i, generate_series(0, " + (BULK_DAYS - 1) + ") d,"
                    + " lateral (select timestamp '2030-01-01 09:00' + d * interval '1 day' as t) at");
            s.execute("analyze");
        }
    }

    /** The app's sessions on {@code db} waiting for a lock, as {@code [pid]} rows. */
    private static List<List<String>> waitingOnALock(ServerHandle db) {
        return Sql.rows(db, "select pid from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'");
    }

    @Test
    void aQueryWhoseSessionIsKilledUnderItRunsOnceMoreAndAnswers() throws Exception {
        long retriesBefore = retry.retries();
        try (Connection locker = warehouse.connect(); Statement s = locker.createStatement()) {
            locker.setAutoCommit(false);
            // The query will block on this lock, which keeps its session in the act while it is killed.
            s.execute("lock table visits in access exclusive mode");
            CompletableFuture<ServedApp.Reply> reply = CompletableFuture.supplyAsync(() -> app.query(JANUARY_VISITS));
            String pid = Sql.await(warehouse, "select pid from pg_stat_activity where datname = current_database()"
                    + " and wait_event_type = 'Lock'", r -> r.size() == 1, Duration.ofSeconds(10), "the query waits for the lock")
                    .get(0).get(0);
            Sql.rows(warehouse, "select pg_terminate_backend(" + pid + ")");
            Sql.await(warehouse, "select count(*) from pg_stat_activity where pid = " + pid, r -> r.get(0).get(0).equals("0"),
                    Duration.ofSeconds(5), "the killed session ends");
            locker.commit();

            ServedApp.Reply r = reply.get(30, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            assertThat(Replies.rows(r.json()).get(0).get("visits").asLong()).isEqualTo(4); // a1 a2 b1 b2
        }
        assertThat(retry.retries()).isEqualTo(retriesBefore + 1);
    }

    @Test
    void aWriteWhoseSessionIsKilledUnderItIsNotRunAgain() throws Exception {
        String name = "Killed mid-write " + UUID.randomUUID().toString().substring(0, 8);
        try (Connection locker = appDb.connect(); Statement s = locker.createStatement()) {
            locker.setAutoCommit(false);
            s.execute("lock table dashboard in access exclusive mode");
            CompletableFuture<ServedApp.Reply> reply = CompletableFuture.supplyAsync(
                    () -> app.post("/api/dashboards", "{\"name\": \"" + name + "\"}"));
            String pid = Sql.await(appDb, "select pid from pg_stat_activity where datname = current_database()"
                    + " and wait_event_type = 'Lock'", r -> r.size() == 1, Duration.ofSeconds(10), "the insert waits for the lock")
                    .get(0).get(0);
            Sql.rows(appDb, "select pg_terminate_backend(" + pid + ")");
            Sql.await(appDb, "select count(*) from pg_stat_activity where pid = " + pid, r -> r.get(0).get(0).equals("0"),
                    Duration.ofSeconds(5), "the killed session ends");
            locker.commit();

            ServedApp.Reply r = reply.get(30, java.util.concurrent.TimeUnit.SECONDS);
            // Whether a write on a broken connection was committed is unknown to the app: it says so, and does not guess.
            assertThat(r.status()).as(r.toString()).isEqualTo(503);
            assertThat(r.json().get("error").asString()).isEqualTo("the database could not answer");
            Replies.assertNoStackTrace(r.body());
        }
        // Not written, and not written twice.
        assertThat(Sql.rows(appDb, "select count(*) from dashboard where name = '" + name + "'")).containsExactly(List.of("0"));
        assertThat(waitingOnALock(appDb)).isEmpty();
        // The pool replaced the connection: the same request now succeeds, once.
        assertThat(app.post("/api/dashboards", "{\"name\": \"" + name + "\"}").status()).isEqualTo(201);
        assertThat(Sql.rows(appDb, "select count(*) from dashboard where name = '" + name + "'")).containsExactly(List.of("1"));
    }

    @Test
    void aSqlErrorIsNotRunAgain() {
        long retriesBefore = retry.retries();
        String requestId = "sql-error-" + UUID.randomUUID().toString().substring(0, 8);
        Sql.execute(warehouse, "alter table shifts rename column cost_amount to cost_amount_renamed");
        try {
            ServedApp.Reply r = app.postWithRequestId("/api/query", """
                    {"metrics": ["staff_cost"], "from": "2024-01-01", "to": "2024-02-01"}""", requestId);
            assertThat(r.status()).as(r.toString()).isEqualTo(503);
            assertThat(r.json().get("error").asString()).isEqualTo("the analytics database could not answer");
            assertThat(r.json().get("hint").asString()).contains(requestId);
        } finally {
            Sql.execute(warehouse, "alter table shifts rename column cost_amount_renamed to cost_amount");
        }
        assertThat(retry.retries()).isEqualTo(retriesBefore);
        AuditEntry entry = app.bean(AuditService.class).search("demo", "api", "staff_cost", 20).stream()
                .filter(e -> e.getRequestId().equals(requestId)).findFirst().orElseThrow();
        assertThat(entry.getError()).contains("cost_amount");
        // Renamed back: the same query answers again (800 + 720).
        ServedApp.Reply again = app.query("""
                {"metrics": ["staff_cost"], "from": "2024-01-01", "to": "2024-02-01"}""");
        assertThat(Replies.rows(again.json()).get(0).get("staff_cost").decimalValue()).isEqualByComparingTo("1520.00");
    }

    @Test
    void aCsvDownloadWhoseClientGoesAwayEndsItsQuery() throws Exception {
        String requestId = "csv-gone-" + UUID.randomUUID().toString().substring(0, 8);
        String path = "/api/query.csv?metrics=visits,charges&dimensions=staff&grain=day&from=2030-01-01&to=2035-01-01";
        // The engine's query for this request joins the staff table as "staff_labels"; nothing else here does.
        String running = "select count(*) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()"
                + " and state in ('active', 'idle in transaction') and query like '%staff_labels%'";
        try (Socket socket = new Socket()) {
            socket.setReceiveBufferSize(4096);
            socket.connect(new InetSocketAddress("127.0.0.1", app.port()), 5000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + ServedApp.basic("demo", "demo")
                    + "\r\nX-Request-Id: " + requestId + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder head = new StringBuilder();
            byte[] buffer = new byte[1024];
            while (head.length() < 4096) {
                int n = in.read(buffer);
                if (n < 0) break;
                head.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
            }
            assertThat(head).startsWith("HTTP/1.1 200").contains("staff,day,visits,charges");
            // The client reads no further: the server is stuck writing, its cursor open in the database.
            Sql.await(warehouse, running, r -> !r.get(0).get(0).equals("0"), Duration.ofSeconds(10), "the export's query is open");
            socket.setSoLinger(true, 0); // a reset, like a browser tab that is closed
        }
        long closed = System.nanoTime();
        Sql.await(warehouse, running, r -> r.get(0).get(0).equals("0"), Duration.ofSeconds(5),
                "the export's query ends after the client went away");
        System.out.printf("export query gone %d ms after the client closed%n", (System.nanoTime() - closed) / 1_000_000);

        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        AuditEntry entry = null;
        while (entry == null && System.nanoTime() < deadline) {
            entry = app.bean(AuditService.class).search("demo", "csv", null, 20).stream()
                    .filter(e -> e.getRequestId().equals(requestId)).findFirst().orElse(null);
            if (entry == null) Sql.sleep(Duration.ofMillis(50));
        }
        assertThat(entry).as("audit entry of the download").isNotNull();
        assertThat(entry.getError()).contains("the client closed the connection");
        // Far from all 300 000 rows were read.
        assertThat(entry.getRowCount()).isNotNull().isLessThan((long) BULK_STAFF * BULK_DAYS / 2);
        // The pool is fine afterwards.
        assertThat(app.query(JANUARY_VISITS).status()).isEqualTo(200);
    }
}
