package org.caseload.app.servers;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.caseload.servers.ServerHandle;

/** Plain SQL on a server, outside the app: to check what it wrote, and to do to its sessions what a DBA would. */
final class Sql {
    private Sql() {}

    /** Rows of {@code sql}, every value as text. */
    static List<List<String>> rows(ServerHandle db, String sql) {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            return read(rs);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    static List<List<String>> read(ResultSet rs) throws SQLException {
        List<List<String>> out = new ArrayList<>();
        int n = rs.getMetaData().getColumnCount();
        while (rs.next()) {
            List<String> row = new ArrayList<>();
            for (int i = 1; i <= n; i++) row.add(rs.getString(i));
            out.add(row);
        }
        return out;
    }

    static void execute(ServerHandle db, String sql) {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** Polls {@code sql} until its rows satisfy {@code done}, or fails after {@code timeout}; returns the rows. */
    static List<List<String>> await(ServerHandle db, String sql, Predicate<List<List<String>>> done, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<List<String>> rows = rows(db, sql);
        while (!done.test(rows)) {
            if (System.nanoTime() > deadline) throw new AssertionError(what + " within " + timeout.toMillis() + " ms; last: " + rows);
            sleep(Duration.ofMillis(20));
            rows = rows(db, sql);
        }
        return rows;
    }

    /** PostgreSQL: ends every session on {@code db}'s database but the caller's; returns how many. */
    static int terminatePostgresSessions(ServerHandle db) {
        return Integer.parseInt(rows(db, "select count(pg_terminate_backend(pid)) from pg_stat_activity"
                + " where pid <> pg_backend_pid() and datname = current_database()").get(0).get(0));
    }

    /** MariaDB: KILLs every session on {@code db}'s database but the caller's; returns the ids killed. */
    static List<Long> killMariaDbSessions(ServerHandle db) {
        List<Long> killed = new ArrayList<>();
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            List<Long> ids = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("select id from information_schema.processlist"
                    + " where db = database() and id <> connection_id()")) {
                while (rs.next()) ids.add(rs.getLong(1));
            }
            for (long id : ids) {
                try {
                    s.execute("kill " + id);
                    killed.add(id);
                } catch (SQLException gone) {
                    // ended by itself in between
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return killed;
    }

    static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
