package org.caseload.servers;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * What {@link PostgresServer} and {@link MariaDbServer} share: an instance directory, a loopback port and a data
 * directory fixed for the server's whole life, so that {@link #stop()} and {@link #start()} model a real server going
 * away and coming back (same port, same data, clients must reconnect); a shutdown hook that stops the server and
 * deletes its directory when the JVM exits; and the lifecycle around the one thing that differs, how the vendor's
 * process is started and stopped.
 *
 * <p>Thread-safe: the lifecycle methods are synchronized on the server.
 */
abstract sealed class LocalServer implements AutoCloseable permits PostgresServer, MariaDbServer {

    private final ServerKind kind;
    private final String user;
    private final String password;
    private final String database;
    private final Path directory;
    private final Path dataDirectory;
    private final Path logFile;
    private final int port;
    private final Thread shutdownHook;

    private Duration lastStartupTime = Duration.ZERO;
    private boolean closed;

    /**
     * A new instance directory (named after {@code kind}) with {@code data/} and the log {@code logName} in it, on a
     * free port; the shutdown hook is registered before anything is written.
     */
    LocalServer(ServerKind kind, String logName, String user, String password, String database) {
        this.kind = kind;
        this.user = user;
        this.password = password;
        this.database = database;
        String name = kind.name().toLowerCase(Locale.ROOT);
        this.directory = ServerFiles.newInstanceDirectory(name);
        this.dataDirectory = directory.resolve("data");
        this.logFile = directory.resolve(logName);
        this.port = ServerFiles.freePort();
        this.shutdownHook = new Thread(this::shutdown, "caseload-" + name + "-" + port + "-stop");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Starts {@code server}, then {@code afterFirstStart}; closes it (directory and all) if either fails. */
    static <S extends LocalServer> S launched(S server, Consumer<S> afterFirstStart) {
        try {
            server.start();
            afterFirstStart.accept(server);
            return server;
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /** Starts the server process and returns once it accepts connections; it fails with the log's end. */
    abstract void startProcess();

    /** Whether a process was started and not yet stopped (it may have died meanwhile). */
    abstract boolean hasProcess();

    /** Stops the process: open sessions are cut, as in a real outage. */
    abstract void stopProcess();

    /** After a start, outside {@link #lastStartupTime()}: checks that the server is usable as handed out. */
    void afterStart() {}

    /** Files of the instance outside its directory, removed when it is closed. */
    void deleteOutsideFiles() {}

    /** Starts the server again after {@link #stop()}, same port and data; no-op when running. */
    public final synchronized void start() {
        if (closed) {
            throw new IllegalStateException("Closed: " + this);
        }
        if (hasProcess()) {
            return;
        }
        long t0 = System.nanoTime();
        startProcess();
        lastStartupTime = Duration.ofNanos(System.nanoTime() - t0);
        afterStart();
    }

    /** Stops the server and waits until its port is free; no-op when stopped. */
    public final synchronized void stop() {
        if (!hasProcess()) {
            return;
        }
        stopProcess();
        ServerFiles.awaitPortFree(port, Duration.ofSeconds(30));
    }

    /** {@link #stop()} then {@link #start()}: same port, same data, new server process. */
    public final synchronized void restart() {
        stop();
        start();
    }

    /** Stops the server for good and deletes its directory (unless {@code -Dcaseload.servers.keep=true}). */
    @Override
    public final void close() {
        shutdown();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is exiting: the hook is running or has run
        }
    }

    private synchronized void shutdown() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            stop();
        } finally {
            deleteOutsideFiles();
            if (!ServerFiles.keepDirectories()) {
                ServerFiles.deleteRecursively(directory);
            }
        }
    }

    /** A handle to the server's database as its user, over TCP. */
    public final ServerHandle handle() {
        return new ServerHandle(kind.jdbcUrl("127.0.0.1", port, database), user, password, kind);
    }

    public final int port() {
        return port;
    }

    public final Path dataDirectory() {
        return dataDirectory;
    }

    /** The instance's own directory: data, log and whatever else the server keeps. */
    final Path directory() {
        return directory;
    }

    /** Server log, to attach to a failure. */
    public final Path logFile() {
        return logFile;
    }

    /** Wall time of the last {@link #start()}. */
    public final synchronized Duration lastStartupTime() {
        return lastStartupTime;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[port=" + port + ", dir=" + directory + "]";
    }
}
