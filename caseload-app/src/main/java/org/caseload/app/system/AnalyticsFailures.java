package org.caseload.app.system;

import java.io.EOFException;
import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Set;

/**
 * What went wrong with an analytics query, as far as its caller must know, read from the drivers'
 * SQLStates, vendor codes and exception types (PostgreSQL, MariaDB/MySQL, DuckDB, Trino): the pool
 * could not reach the database at all, the connection broke under the query, the query ran out of
 * time, or something else (a SQL error). The retry, the HTTP status and the message people read
 * all follow from it.
 */
public final class AnalyticsFailures {
    private AnalyticsFailures() {}

    public enum Kind {
        /** No connection could be had within the pool's connection timeout: the server is down or unreachable. */
        UNREACHABLE,
        /** The connection broke while in use: killed server-side, server restarted, network cut. */
        CONNECTION_LOST,
        /** The statement timeout fired (or the statement was cancelled). */
        TIMEOUT,
        /** Anything else, such as a SQL error; the connection is fine. */
        OTHER
    }

    /**
     * PostgreSQL's admin_shutdown (pg_terminate_backend, a fast shutdown), crash_shutdown and
     * cannot_connect_now (starting up): the session is gone, a new one will do.
     */
    private static final Set<String> LOST_STATES = Set.of("57P01", "57P02", "57P03");
    /** PostgreSQL query_canceled: statement_timeout, a JDBC query timeout, or Statement.cancel(). */
    private static final String PG_QUERY_CANCELED = "57014";
    /** MariaDB ER_CONNECTION_KILLED (KILL CONNECTION, also SQLState 70100 like the timeouts). */
    private static final int MARIADB_CONNECTION_KILLED = 1927;
    /** MariaDB/MySQL ER_QUERY_INTERRUPTED (KILL QUERY), MariaDB ER_STATEMENT_TIMEOUT, MySQL ER_QUERY_TIMEOUT. */
    private static final Set<Integer> MYSQL_TIMEOUT_CODES = Set.of(1317, 1969, 3024);

    /**
     * Thrown by the engine's view of the analytics pool when it cannot hand out a connection: the
     * pool already waited its connection timeout, so this is an outage, not a broken connection.
     */
    public static final class Unreachable extends SQLTransientConnectionException {
        public Unreachable(SQLException cause) {
            super("the analytics database is not reachable: " + cause.getMessage(), cause.getSQLState(), cause.getErrorCode(), cause);
        }
    }

    /** The first telling cause in {@code t}'s chain decides. */
    public static Kind classify(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            Kind k = classifyOne(c);
            if (k != Kind.OTHER) return k;
        }
        return Kind.OTHER;
    }

    private static Kind classifyOne(Throwable c) {
        if (c instanceof Unreachable) return Kind.UNREACHABLE;
        if (c instanceof SQLTimeoutException) return Kind.TIMEOUT;
        if (c instanceof SQLException s) {
            String state = s.getSQLState() == null ? "" : s.getSQLState();
            if (state.equals(PG_QUERY_CANCELED) || MYSQL_TIMEOUT_CODES.contains(s.getErrorCode())) return Kind.TIMEOUT;
            if (state.startsWith("08") || LOST_STATES.contains(state) || s.getErrorCode() == MARIADB_CONNECTION_KILLED
                    || s instanceof SQLNonTransientConnectionException || s instanceof SQLTransientConnectionException
                    || s instanceof SQLRecoverableException) {
                return Kind.CONNECTION_LOST;
            }
            return Kind.OTHER;
        }
        if (c instanceof SocketException || c instanceof EOFException) return Kind.CONNECTION_LOST;
        return Kind.OTHER;
    }

    /** A sentence for a page, a tile or an API error: no SQL, no stack trace. */
    public static String describe(Throwable t, Duration queryTimeout) {
        return switch (classify(t)) {
            case UNREACHABLE -> "the analytics database is not reachable";
            case CONNECTION_LOST -> "the connection to the analytics database broke";
            case TIMEOUT -> "the query took longer than the limit of " + seconds(queryTimeout) + " (caseload.analytics.query-timeout)";
            case OTHER -> "the analytics database could not answer" + rootMessage(t).map(m -> ": " + m).orElse("");
        };
    }

    /** What a person can do about it. */
    public static String hint(Throwable t) {
        return switch (classify(t)) {
            case UNREACHABLE, CONNECTION_LOST -> "it may be restarting; try again shortly";
            case TIMEOUT -> "ask for less (a shorter date range, fewer dimensions) or raise caseload.analytics.query-timeout";
            case OTHER -> "try again shortly";
        };
    }

    /**
     * What the audit log keeps of a failure, at most {@code max} characters: the database's own words
     * (the innermost SQLException) rather than jOOQ's message, which starts with the whole SQL and
     * would be cut before the reason; the SQL is in the analytics SQL log, by request id.
     */
    public static String forAudit(Throwable t, int max) {
        String found = null;
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof SQLException && c.getMessage() != null) found = c.getMessage();
        }
        String m = found != null ? found : t.getMessage() != null ? t.getMessage() : t.toString();
        return m.length() <= max ? m : m.substring(0, max - 1) + "…";
    }

    /** The innermost SQLException's first line, which is the database's own words. */
    static java.util.Optional<String> rootMessage(Throwable t) {
        String found = null;
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof SQLException && c.getMessage() != null) found = c.getMessage();
        }
        return java.util.Optional.ofNullable(found).map(m -> m.lines().findFirst().orElse(m).trim());
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}
