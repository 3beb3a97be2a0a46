package org.caseload.servers;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs SQL through the vendors' console clients, {@code psql} and {@code mariadb} from Debian's
 * {@code postgresql-client} and {@code mariadb-client} packages, found on the PATH: for tests of what a person at
 * the console sees (scripts the project ships, output people read), which JDBC cannot show.
 *
 * <p>Output comes back as rows of columns. psql runs unaligned and tuples-only with a tab between columns
 * ({@code -X -q -A -t -F <tab> -v ON_ERROR_STOP=1 -f -}) and prints NULL as {@code \N}; mariadb runs in batch mode
 * without column names ({@code -N -B}), which prints NULL as {@code NULL} and escapes tab, newline, backslash and NUL
 * in values. Both NULLs come back as Java {@code null}, and mariadb's escapes are undone. Limits, as in the clients
 * themselves: psql does not escape, so a value holding a tab or a newline splits its row; mariadb prints the string
 * {@code 'NULL'} exactly like NULL; psql prints the string {@code '\N'} exactly like NULL.
 *
 * <p>The SQL goes to the client on standard input. The client stops at the first error (psql by
 * {@code ON_ERROR_STOP}, mariadb without {@code --force}) and exits non-zero; that becomes a
 * {@link ClientException} carrying the client's standard error. Configuration files ({@code ~/.psqlrc},
 * {@code /etc/mysql/my.cnf}) and the caller's {@code PG*} / {@code MYSQL_*} environment are ignored, so that a
 * developer's setup cannot change a test's result. Passwords go through the environment, not the command line.
 */
public final class ConsoleClients {

    /** {@code -Dcaseload.ci=true} (or a non-empty {@code CI} variable) makes missing clients a failure, not a skip. */
    public static final String CI_PROPERTY = "caseload.ci";

    private static final String PSQL_NULL = "\\N";
    private static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(2);

    private ConsoleClients() {
    }

    /** {@code psql} on the PATH. */
    public static Optional<Path> psql() {
        return onPath("psql");
    }

    /** {@code mariadb} on the PATH, else its older name {@code mysql}. */
    public static Optional<Path> mariadb() {
        return onPath("mariadb").or(() -> onPath("mysql"));
    }

    /** The client for a kind of server. */
    public static Optional<Path> clientFor(ServerKind kind) {
        return kind == ServerKind.POSTGRES ? psql() : mariadb();
    }

    /**
     * Whether tests must fail rather than skip when a client is missing: in CI the clients are part of the
     * machine's setup, and a skip there would hide that the setup lost them.
     */
    public static boolean clientsRequired() {
        String ci = System.getenv("CI");
        return Boolean.getBoolean(CI_PROPERTY) || (ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false"));
    }

    /** {@link #query(ServerHandle, String, Duration)} with a two-minute limit. */
    public static List<List<String>> query(ServerHandle handle, String sql) {
        return query(handle, sql, DEFAULT_TIMEOUT);
    }

    /**
     * Runs {@code sql} (one or more statements) through the handle's console client, against the handle's
     * database as the handle's user, and returns the rows every statement printed, in order.
     *
     * @throws ClientException       when the client exits non-zero (bad SQL, refused login) or runs out of time
     * @throws IllegalStateException when the client is not installed
     */
    public static List<List<String>> query(ServerHandle handle, String sql, Duration timeout) {
        Path client = clientFor(handle.kind()).orElseThrow(() -> new IllegalStateException(
                (handle.kind() == ServerKind.POSTGRES ? "psql" : "mariadb")
                        + " is not on the PATH; install Debian's "
                        + (handle.kind() == ServerKind.POSTGRES ? "postgresql-client" : "mariadb-client")));
        ProcessBuilder builder = new ProcessBuilder(commandLine(client, handle));
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("PG") || k.startsWith("MYSQL") || k.startsWith("MARIADB"));
        if (handle.kind() == ServerKind.POSTGRES) {
            env.put("PGCLIENTENCODING", "UTF8");
            env.put("PGCONNECT_TIMEOUT", "10");
            if (!handle.password().isEmpty()) {
                env.put("PGPASSWORD", handle.password());
            }
        } else if (!handle.password().isEmpty()) {
            env.put("MYSQL_PWD", handle.password());
        }
        Result result = run(builder, sql, timeout);
        if (result.exitCode() != 0) {
            throw new ClientException(builder.command(), result.exitCode(), result.stderr());
        }
        return parse(result.stdout(), handle.kind());
    }

    static List<String> commandLine(Path client, ServerHandle handle) {
        List<String> cmd = new ArrayList<>();
        cmd.add(client.toString());
        if (handle.kind() == ServerKind.POSTGRES) {
            cmd.addAll(List.of("-X", "-q", "-w", "-A", "-t", "-F", "\t", "-P", "null=" + PSQL_NULL,
                    "-v", "ON_ERROR_STOP=1",
                    "-h", handle.host(), "-p", Integer.toString(handle.port()), "-U", handle.user(),
                    "-d", handle.database(), "-f", "-"));
        } else {
            // --no-defaults must come first; --protocol=TCP because "-h localhost" would mean the Unix socket.
            cmd.addAll(List.of("--no-defaults", "--protocol=TCP",
                    "-h", handle.host(), "-P", Integer.toString(handle.port()), "-u", handle.user(),
                    "--default-character-set=utf8mb4", "--connect-timeout=10", "-N", "-B"));
            if (!handle.database().isEmpty()) {
                cmd.add(handle.database());
            }
        }
        return cmd;
    }

    static List<List<String>> parse(String stdout, ServerKind kind) {
        List<List<String>> rows = new ArrayList<>();
        if (stdout.isEmpty()) {
            return rows;
        }
        String text = stdout.endsWith("\n") ? stdout.substring(0, stdout.length() - 1) : stdout;
        for (String line : text.split("\n", -1)) {
            List<String> row = new ArrayList<>();
            for (String field : line.split("\t", -1)) {
                if (kind == ServerKind.POSTGRES) {
                    row.add(field.equals(PSQL_NULL) ? null : field);
                } else {
                    row.add(field.equals("NULL") ? null : unescapeBatch(field));
                }
            }
            rows.add(Collections.unmodifiableList(row));
        }
        return List.copyOf(rows);
    }

    /** Undoes mariadb's batch-mode escapes: {@code \t}, {@code \n}, {@code \\}, {@code \0}. */
    private static String unescapeBatch(String field) {
        if (field.indexOf('\\') < 0) {
            return field;
        }
        StringBuilder sb = new StringBuilder(field.length());
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\\' && i + 1 < field.length()) {
                char n = field.charAt(++i);
                sb.append(switch (n) {
                    case 't' -> '\t';
                    case 'n' -> '\n';
                    case '0' -> '\0';
                    default -> n;
                });
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private record Result(String stdout, String stderr, int exitCode) {
    }

    /** Runs the client with {@code input} on stdin. */
    private static Result run(ProcessBuilder builder, String input, Duration timeout) {
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run " + builder.command().get(0), e);
        }
        // One thread per pipe: a client blocked writing a full stdout must not wait for us to finish its stdin.
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        Thread writer = pump(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                process.getOutputStream(), true);
        Thread outReader = pump(process.getInputStream(), stdout, false);
        Thread errReader = pump(process.getErrorStream(), stderr, false);
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new ClientException(builder.command(), -1,
                        "no exit after " + timeout.toSeconds() + " s; stderr so far: " + stderr);
            }
            writer.join(5_000);
            outReader.join(5_000);
            errReader.join(5_000);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted running " + builder.command().get(0), e);
        }
        return new Result(stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8),
                process.exitValue());
    }

    private static Thread pump(InputStream from, OutputStream to, boolean closeTarget) {
        Thread t = new Thread(() -> {
            try (InputStream in = from) {
                in.transferTo(to);
            } catch (IOException e) {
                // A client that exits early (login refused) closes its stdin: its stderr says why.
            } finally {
                if (closeTarget) {
                    try {
                        to.close();
                    } catch (IOException e) {
                        // same as above
                    }
                }
            }
        }, "console-client-pipe");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static Optional<Path> onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        return Arrays.stream(path.split(File.pathSeparator))
                .filter(dir -> !dir.isEmpty())
                .map(dir -> Path.of(dir, name))
                .filter(p -> Files.isRegularFile(p) && Files.isExecutable(p))
                .findFirst();
    }

    /** A console client that exited non-zero or hung; {@link #stderr()} holds what it said. */
    public static final class ClientException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int exitCode;
        private final String stderr;

        ClientException(List<String> command, int exitCode, String stderr) {
            super(command.get(0) + " exited with " + exitCode + ": " + stderr.strip());
            this.exitCode = exitCode;
            this.stderr = stderr;
        }

        /** The client's exit code, -1 when it was killed for running out of time. */
        public int exitCode() {
            return exitCode;
        }

        public String stderr() {
            return stderr;
        }
    }
}
