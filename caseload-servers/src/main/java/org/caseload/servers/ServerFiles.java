package org.caseload.servers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Where servers keep their files, which ports they take, and the clean-up after JVMs that died without running
 * their shutdown hooks. Shared by both kinds of server so that they follow one layout.
 */
final class ServerFiles {

    /** Overrides where instance directories go (default: the module's target/, else java.io.tmpdir). */
    static final String DIRECTORY_PROPERTY = "caseload.servers.dir";
    /** {@code true} keeps each instance's directory after it stops, to read its logs and data after a failure. */
    static final String KEEP_PROPERTY = "caseload.servers.keep";

    /** {@code <kind>-<owning JVM's pid>-<random>}: the pid tells whether the owner is still alive. */
    private static final Pattern INSTANCE = Pattern.compile("(postgres|mariadb)-(\\d+)-[0-9a-f]{8}");

    private ServerFiles() {
    }

    /**
     * The parent of all instance directories. Surefire runs tests in the module's directory, so {@code target/}
     * there puts the files where {@code mvn clean} removes them; elsewhere java.io.tmpdir.
     */
    static Path root() {
        String configured = System.getProperty(DIRECTORY_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath();
        }
        Path target = Path.of(System.getProperty("user.dir"), "target");
        if (Files.isDirectory(target)) {
            return target.resolve("caseload-servers").toAbsolutePath();
        }
        return Path.of(System.getProperty("java.io.tmpdir"), "caseload-servers").toAbsolutePath();
    }

    /**
     * A new, empty directory for one server instance, named so that parallel JVMs (surefire forks, two builds of
     * the same tree) never pick the same one. Stale directories of dead JVMs are swept first.
     */
    static Path newInstanceDirectory(String kind) {
        Path root = root();
        try {
            Files.createDirectories(root);
            sweepStale(root);
            String name = kind + "-" + ProcessHandle.current().pid() + "-"
                    + UUID.randomUUID().toString().substring(0, 8);
            return Files.createDirectory(root.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a server directory under " + root, e);
        }
    }

    /**
     * Removes the directories of JVMs that are gone (killed by a surefire timeout, kill -9, a crashed IDE): their
     * shutdown hooks never ran, so their servers may still be up. A server is only killed when its pid file names a
     * live process whose command is the server's, so a reused pid never costs an unrelated process.
     */
    static void sweepStale(Path root) {
        List<Path> children;
        try (Stream<Path> list = Files.list(root)) {
            children = list.toList();
        } catch (IOException e) {
            return; // nothing to sweep, or not ours to sweep
        }
        for (Path dir : children) {
            Matcher m = INSTANCE.matcher(dir.getFileName().toString());
            if (!m.matches() || ProcessHandle.of(Long.parseLong(m.group(2))).isPresent()) {
                continue;
            }
            String serverCommand = m.group(1).equals("postgres") ? "postgres" : "mariadbd";
            killServerOf(dir, serverCommand);
            deleteRecursively(dir);
        }
    }

    /** Kills the server whose pid file lies anywhere in {@code dir} (PostgreSQL: data/postmaster.pid). */
    private static void killServerOf(Path dir, String serverCommand) {
        try (Stream<Path> files = Files.walk(dir, 2)) {
            files.filter(p -> p.getFileName().toString().endsWith(".pid"))
                    .map(ServerFiles::readPid)
                    .flatMap(Optional::stream)
                    .flatMap(pid -> ProcessHandle.of(pid).stream())
                    .filter(p -> p.info().command().map(c -> c.endsWith("/" + serverCommand)).orElse(false))
                    .forEach(p -> {
                        p.destroyForcibly();
                        p.onExit().orTimeout(10, TimeUnit.SECONDS).exceptionally(t -> p).join();
                    });
        } catch (IOException | UncheckedIOException e) {
            // A half-deleted directory: whatever is left is swept next time.
        }
    }

    /** The pid on a pid file's first line (PostgreSQL's postmaster.pid and MariaDB's --pid-file both start so). */
    static Optional<Long> readPid(Path pidFile) {
        try {
            List<String> lines = Files.readAllLines(pidFile);
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Deletes a directory tree, best effort: a file that vanished meanwhile is fine. */
    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException exc) {
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                    Files.deleteIfExists(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (NoSuchFileException e) {
            // already gone
        } catch (IOException e) {
            // Best effort: a leftover directory costs disk, not correctness; the sweep retries next time.
        }
    }

    static boolean keepDirectories() {
        return Boolean.getBoolean(KEEP_PROPERTY);
    }

    /**
     * A port nobody listens on right now. Another process may take it before the server binds it; that race is
     * accepted because the servers then fail loudly at start rather than silently sharing.
     */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port on the loopback address", e);
        }
    }

    /** Whether something accepts connections on the loopback port, to wait for a stopped server to let it go. */
    static boolean portInUse(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    /** Waits until the port can be bound again, so that a restart on the same port does not race the old server. */
    static void awaitPortFree(int port, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (portInUse(port)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Port " + port + " still in use " + timeout.toSeconds()
                        + " s after the server stopped");
            }
            sleep(Duration.ofMillis(50));
        }
    }

    /** Root needs care with both servers: PostgreSQL refuses it, MariaDB wants {@code --user=root}. */
    static boolean runningAsRoot() {
        try {
            return new com.sun.security.auth.module.UnixSystem().getUid() == 0;
        } catch (RuntimeException | LinkageError e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no " + file + ")";
        }
    }

    static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}
