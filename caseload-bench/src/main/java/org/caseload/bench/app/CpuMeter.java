package org.caseload.bench.app;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Who used the machine's cores during a phase: the app's JVM, this client JVM, and everything else
 * (the machine's busy time from /proc/stat less the two). On a shared 2-core machine the third
 * figure is what explains a slow run.
 */
final class CpuMeter {
    private final AppServer server;
    private long startNanos;
    private long machineBusy;
    private long serverCpu;
    private long selfCpu;

    CpuMeter(AppServer server) {
        this.server = server;
    }

    record Usage(double seconds, double serverCores, double clientCores, double otherCores, double loadAverage) {
        String describe() {
            if (Double.isNaN(otherCores)) {
                return String.format(Locale.ROOT, "server %.2f cores, client %.2f cores over %.0f s (machine busy time unavailable)",
                        serverCores, clientCores, seconds);
            }
            return String.format(Locale.ROOT, "server %.2f cores, client %.2f cores, other processes %.2f cores over %.0f s"
                    + " (%d cores; load average at end %.2f)", serverCores, clientCores, otherCores, seconds,
                    Runtime.getRuntime().availableProcessors(), loadAverage);
        }
    }

    void start() {
        startNanos = System.nanoTime();
        machineBusy = machineBusyNanos();
        serverCpu = server.cpuNanos();
        selfCpu = selfCpuNanos();
    }

    Usage stop() {
        double wall = (System.nanoTime() - startNanos) / 1e9;
        long busy = machineBusyNanos();
        long srv = server.cpuNanos() - serverCpu;
        long self = selfCpuNanos() - selfCpu;
        double other = busy < 0 || machineBusy < 0 ? Double.NaN : Math.max(0, (busy - machineBusy) - srv - self) / 1e9 / wall;
        return new Usage(wall, srv / 1e9 / wall, self / 1e9 / wall, other, loadAverage());
    }

    static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static long selfCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }

    /** Non-idle time of all cores since boot, from /proc/stat (in USER_HZ = 100 ticks a second), or -1. */
    private static long machineBusyNanos() {
        try {
            String first = Files.readAllLines(Path.of("/proc/stat")).get(0);
            String[] f = first.trim().split("\\s+");
            long total = 0;
            // cpu user nice system idle iowait irq softirq steal [guest guest_nice, already in user]
            for (int i = 1; i <= Math.min(8, f.length - 1); i++) total += Long.parseLong(f[i]);
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            return (total - idle) * 10_000_000L;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
