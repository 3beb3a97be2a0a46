package org.caseload.servers;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The database servers tests share: one PostgreSQL and one MariaDB per JVM, started on first use (about 4 s each)
 * and stopped by a shutdown hook, or external servers when configured.
 *
 * <p><b>External servers.</b> When {@code -Dcaseload.test.postgres.url=jdbc:postgresql://host:port/db} (or the
 * environment variable {@code CASELOAD_TEST_POSTGRES_URL}) is set, {@link #postgres()} returns a handle to it and
 * starts nothing; {@code .user} / {@code .password} ({@code _USER} / {@code _PASSWORD}) give the credentials
 * (default {@code postgres} and none). The same goes for {@code caseload.test.mariadb.url}
 * ({@code CASELOAD_TEST_MARIADB_URL}, {@code jdbc:mariadb://...}, default user {@code root}). System properties win
 * over the environment. Independent servers ({@link #startPostgres}, {@link #startMariaDb}) are always embedded:
 * tests that stop a server cannot stop someone else's.
 *
 * <p>Tests must not change the shared servers' global state (server settings, users): isolate by database with
 * {@link ServerHandle#createDatabase}, and use an independent server for anything else.
 */
public final class TestServers {

    public static final String POSTGRES_URL_PROPERTY = "caseload.test.postgres.url";
    public static final String MARIADB_URL_PROPERTY = "caseload.test.mariadb.url";

    private static final Shared POSTGRES = new Shared(ServerKind.POSTGRES);
    private static final Shared MARIADB = new Shared(ServerKind.MARIADB);

    private TestServers() {
    }

    /** The shared PostgreSQL 14 server ({@code postgres} database, user {@code postgres}), or the external one. */
    public static ServerHandle postgres() {
        return POSTGRES.handle();
    }

    /** The shared MariaDB 10.11 server ({@code caseload} database, user {@code caseload}), or the external one. */
    public static ServerHandle mariadb() {
        return MARIADB.handle();
    }

    /**
     * How long the shared embedded server of {@code kind} took to start in this JVM; empty when it has not been
     * started or when an external server is used.
     */
    public static Optional<Duration> sharedStartupTime(ServerKind kind) {
        return (kind == ServerKind.POSTGRES ? POSTGRES : MARIADB).startupTime();
    }

    /** A new PostgreSQL server of the caller's, to stop, restart and close (see {@link PostgresServer}). */
    public static PostgresServer startPostgres(Map<String, String> settings) {
        return PostgresServer.launch(settings);
    }

    /** A new MariaDB server of the caller's, e.g. {@code startMariaDb(Map.of("wait_timeout", "5"))}. */
    public static MariaDbServer startMariaDb(Map<String, String> serverOptions) {
        return MariaDbServer.launch(serverOptions);
    }

    /** The external server configured for {@code kind}, if any (see the class comment). */
    public static Optional<ServerHandle> external(ServerKind kind) {
        return external(kind, System::getProperty, System::getenv);
    }

    /** {@link #external(ServerKind)} with its sources of settings passed in, for tests of the lookup itself. */
    static Optional<ServerHandle> external(ServerKind kind, UnaryOperator<String> properties,
            UnaryOperator<String> environment) {
        String property = kind == ServerKind.POSTGRES ? POSTGRES_URL_PROPERTY : MARIADB_URL_PROPERTY;
        String base = property.substring(0, property.length() - ".url".length());
        String env = base.replace('.', '_').toUpperCase(Locale.ROOT);
        String url = setting(properties, property, environment, env + "_URL");
        if (url == null) {
            return Optional.empty();
        }
        String user = setting(properties, base + ".user", environment, env + "_USER");
        String password = setting(properties, base + ".password", environment, env + "_PASSWORD");
        return Optional.of(new ServerHandle(url.trim(),
                user != null ? user : kind == ServerKind.POSTGRES ? "postgres" : "root",
                password != null ? password : "", kind));
    }

    private static String setting(UnaryOperator<String> properties, String property,
            UnaryOperator<String> environment, String variable) {
        String value = properties.apply(property);
        if (value == null || value.isBlank()) {
            value = environment.apply(variable);
        }
        return value == null || value.isBlank() ? null : value;
    }

    /**
     * One lazily started server. A failure is kept and rethrown, so that a server that cannot start costs the
     * JVM one attempt, not one per test class.
     */
    private static final class Shared {
        private final ServerKind kind;
        private ServerHandle handle;
        private Duration startupTime;
        private RuntimeException failure;

        Shared(ServerKind kind) {
            this.kind = kind;
        }

        synchronized ServerHandle handle() {
            if (handle != null) {
                return handle;
            }
            if (failure != null) {
                throw new IllegalStateException("The shared " + kind + " server failed to start earlier", failure);
            }
            try {
                Optional<ServerHandle> configured = external(kind);
                if (configured.isPresent()) {
                    handle = configured.get();
                } else {
                    long t0 = System.nanoTime();
                    // Never closed: the server's own shutdown hook stops it and deletes its files at JVM exit.
                    handle = kind == ServerKind.POSTGRES ? PostgresServer.launch().handle()
                            : MariaDbServer.launch().handle();
                    startupTime = Duration.ofNanos(System.nanoTime() - t0);
                }
                return handle;
            } catch (RuntimeException e) {
                failure = e;
                throw e;
            }
        }

        synchronized Optional<Duration> startupTime() {
            return Optional.ofNullable(startupTime);
        }
    }
}
