package org.caseload.servers;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.mariadb.jdbc.MariaDbDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * How a test reaches one database on one server: the JDBC URL, the credentials and the kind of server.
 *
 * <p>A handle is a value, not a resource: it owns no connection, so it can be passed around and kept in static
 * fields freely. The same type serves embedded and external servers, which is what lets a test run against either
 * without change.
 *
 * @param jdbcUrl  {@code jdbc:postgresql://host:port/db} or {@code jdbc:mariadb://host:port/db}, query allowed
 * @param user     the user to connect as
 * @param password the password; empty when the server needs none (the embedded PostgreSQL trusts loopback)
 * @param kind     which server this is
 */
public record ServerHandle(String jdbcUrl, String user, String password, ServerKind kind) {

    /**
     * {@code jdbc:<sub>://<authority>/<database>?<query>}. The authority is kept as written so that rewriting the
     * database (see {@link #withDatabase}) never changes anything else in an external URL.
     */
    private static final Pattern URL = Pattern.compile("^jdbc:([a-z0-9]+)://([^/?#]*)(?:/([^?#]*))?(\\?.*)?$");

    /** Lower case only: PostgreSQL folds unquoted names, and MariaDB's case rules differ per platform. */
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    public ServerHandle {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(kind, "kind");
        password = password == null ? "" : password;
        Matcher m = URL.matcher(jdbcUrl);
        if (!m.matches()) {
            throw new IllegalArgumentException("Not a jdbc:<driver>://host[:port]/database URL: " + jdbcUrl);
        }
        // jdbc:mysql: would need the MariaDB driver's permitMysqlScheme; failing here is clearer than at connect.
        if (!m.group(1).equals(kind.jdbcSubprotocol())) {
            throw new IllegalArgumentException(
                    "A " + kind + " URL must start with jdbc:" + kind.jdbcSubprotocol() + "://, got " + jdbcUrl);
        }
    }

    /** The first host of the URL ({@code 127.0.0.1} for the embedded servers), for console clients. */
    public String host() {
        String authority = authority();
        String first = authority.split(",", 2)[0];
        if (first.startsWith("[")) {
            return first.substring(1, first.indexOf(']'));
        }
        int colon = first.lastIndexOf(':');
        String host = colon < 0 ? first : first.substring(0, colon);
        return host.isEmpty() ? "localhost" : host;
    }

    /** The first host's port, or the kind's default port when the URL names none. */
    public int port() {
        String first = authority().split(",", 2)[0];
        int bracket = first.lastIndexOf(']');
        int colon = first.lastIndexOf(':');
        if (colon <= bracket) {
            return kind.defaultPort();
        }
        return Integer.parseInt(first.substring(colon + 1));
    }

    /** The database the URL names; empty when it names none (allowed by MariaDB). */
    public String database() {
        String db = matcher().group(3);
        return db == null ? "" : db;
    }

    /** A connection of the caller's; the handle keeps no pool of its own. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, user, password);
    }

    /**
     * An unpooled data source: every {@code getConnection()} opens a new connection, which is what connection-fault
     * tests want (no pool hides a dead server) and needs no closing.
     */
    public DataSource dataSource() {
        try {
            if (kind == ServerKind.POSTGRES) {
                PGSimpleDataSource ds = new PGSimpleDataSource();
                ds.setUrl(jdbcUrl);
                ds.setUser(user);
                ds.setPassword(password);
                return ds;
            }
            MariaDbDataSource ds = new MariaDbDataSource(jdbcUrl);
            ds.setUser(user);
            ds.setPassword(password);
            return ds;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot build a data source for " + this, e);
        }
    }

    /**
     * A small Hikari pool, for tests of code that expects one. The caller closes it; it is not tied to the server's
     * lifetime, so a test that restarts the server sees the pool's own reconnect behaviour.
     */
    public HikariDataSource pooledDataSource(int maximumPoolSize) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(maximumPoolSize);
        config.setMinimumIdle(0);
        config.setPoolName("caseload-servers-" + kind.name().toLowerCase(Locale.ROOT) + "-" + database());
        return new HikariDataSource(config);
    }

    /** The same server and credentials, another database (which must exist; see {@link #createDatabase}). */
    public ServerHandle withDatabase(String name) {
        requireDatabaseName(name);
        Matcher m = matcher();
        String query = m.group(4) == null ? "" : m.group(4);
        return new ServerHandle("jdbc:" + m.group(1) + "://" + m.group(2) + "/" + name + query, user, password, kind);
    }

    /**
     * Drops the database if it exists and creates it empty, so that a test class starts from nothing even after a
     * failed run; returns the JDBC URL of the new database. Runs through this handle's own database, which therefore
     * must be another one.
     */
    public String createDatabase(String name) {
        requireDatabaseName(name);
        if (name.equals(database())) {
            throw new IllegalArgumentException("Cannot recreate " + name + " while connected to it");
        }
        try (Connection c = connect(); Statement s = c.createStatement()) {
            if (kind == ServerKind.POSTGRES) {
                // WITH (FORCE) ends sessions a previous, crashed run left open on the database (PostgreSQL 13+).
                s.execute("DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)");
                s.execute("CREATE DATABASE \"" + name + "\" ENCODING 'UTF8'");
            } else {
                s.execute("DROP DATABASE IF EXISTS `" + name + "`");
                s.execute("CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create database " + name + " on " + this, e);
        }
        return withDatabase(name).jdbcUrl();
    }

    /**
     * Creates a database named {@code prefix} plus a random suffix and returns a handle to it: for external servers
     * that several CI jobs share, where a fixed name would collide.
     */
    public ServerHandle createUniqueDatabase(String prefix) {
        String name = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        createDatabase(name);
        return withDatabase(name);
    }

    /**
     * The console command a person would type to look at this database, for test output and bug reports, e.g.
     * {@code PGPASSWORD=postgres psql -h 127.0.0.1 -p 40123 -U postgres -d postgres}. {@link ConsoleClients} runs
     * the clients itself; this string is for people.
     */
    public String consoleCommand() {
        if (kind == ServerKind.POSTGRES) {
            return (password.isEmpty() ? "" : "PGPASSWORD=" + password + " ")
                    + "psql -h " + host() + " -p " + port() + " -U " + user + " -d " + database();
        }
        return "mariadb --protocol=TCP -h " + host() + " -P " + port() + " -u " + user
                + (password.isEmpty() ? "" : " -p" + password) + (database().isEmpty() ? "" : " " + database());
    }

    /** Keeps external servers' passwords out of test reports. */
    @Override
    public String toString() {
        return kind + "[" + jdbcUrl + ", user=" + user + (password.isEmpty() ? "" : ", password=***") + "]";
    }

    private String authority() {
        return matcher().group(2);
    }

    private Matcher matcher() {
        Matcher m = URL.matcher(jdbcUrl);
        if (!m.matches()) {
            throw new AssertionError("checked in the constructor: " + jdbcUrl);
        }
        return m;
    }

    private static void requireDatabaseName(String name) {
        if (name == null || !DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Database names here are [a-z_][a-z0-9_]{0,62}, got " + name);
        }
    }
}
