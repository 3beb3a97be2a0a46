package org.caseload.bench.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * CPU time of a database server on this machine, read from /proc: the server process (all its
 * threads: one process for MariaDB), the children it has reaped (PostgreSQL's parallel workers,
 * which end with their query) and its live children (PostgreSQL's backend per connection). The
 * counters tick in 10 ms steps ({@code CLK_TCK} 100, the Linux default). -1 when /proc or the
 * process cannot be read, e.g. for an external server.
 */
public final class ServerCpu {
    private static final long NANOS_PER_TICK = 10_000_000L;

    private final long pid;

    private ServerCpu(long pid) {
        this.pid = pid;
    }

    /** The server whose pid file (first line: the pid) is {@code pidFile}, or none when it cannot be read. */
    public static ServerCpu fromPidFile(Path pidFile) {
        try {
            List<String> lines = Files.readAllLines(pidFile);
            if (lines.isEmpty()) {
                return new ServerCpu(-1);
            }
            long pid = Long.parseLong(lines.get(0).trim());
            return new ServerCpu(Files.isReadable(Path.of("/proc", Long.toString(pid), "stat")) ? pid : -1);
        } catch (IOException | NumberFormatException e) {
            return new ServerCpu(-1);
        }
    }

    public static ServerCpu none() {
        return new ServerCpu(-1);
    }

    public boolean available() {
        return pid > 0;
    }

    public long pid() {
        return pid;
    }

    /** Nanoseconds of CPU the server has used so far, or -1. */
    public long cpuNanos() {
        if (pid <= 0) {
            return -1;
        }
        long[] root = stat(pid);
        if (root == null) {
            return -1;
        }
        // utime + stime of the server, cutime + cstime of the children it has waited for.
        long ticks = root[1] + root[2] + root[3] + root[4];
        // Live children from each thread's children file (one small read for PostgreSQL's single-threaded
        // postmaster), not a walk over all of /proc: this runs just before and after every timed query.
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                String children;
                try {
                    children = Files.readString(task.resolve("children")).trim();
                } catch (IOException e) {
                    continue; // the thread ended
                }
                if (children.isEmpty()) {
                    continue;
                }
                for (String child : children.split(" ")) {
                    long[] s = stat(Long.parseLong(child));
                    if (s != null && s[0] == pid) {
                        ticks += s[1] + s[2];
                    }
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return ticks * NANOS_PER_TICK;
    }

    /** {ppid, utime, stime, cutime, cstime} of {@code pid}, or null when it is gone. */
    private static long[] stat(long pid) {
        String text;
        try {
            text = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        } catch (IOException e) {
            return null;
        }
        // The command name (field 2) is in parentheses and may hold spaces: fields count from the last ')'.
        int close = text.lastIndexOf(')');
        if (close < 0) {
            return null;
        }
        String[] f = text.substring(close + 2).trim().split(" ");
        // f[0] is field 3 (state): ppid is field 4, utime 14, stime 15, cutime 16, cstime 17.
        try {
            return new long[] {Long.parseLong(f[1]), Long.parseLong(f[11]), Long.parseLong(f[12]),
                Long.parseLong(f[13]), Long.parseLong(f[14])};
        } catch (RuntimeException e) {
            return null;
        }
    }
}
