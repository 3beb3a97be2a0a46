package org.caseload.bench.scan;

import com.zaxxer.hikari.HikariDataSource;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.concurrent.atomic.AtomicLong;
import org.caseload.bench.e2e.BenchCases;
import org.caseload.engine.execute.Databases;
import org.caseload.engine.execute.Engine;
import org.caseload.engine.query.AccessScope;
import org.caseload.engine.query.MetricRequest;
import org.caseload.model.ModelLoader;
import org.jooq.SQLDialect;

/**
 * The child side of the wide-scan check, meant to run under a small -Xmx: streams the staff x day
 * request through {@link Engine#stream} into a counter and prints one {@value #RESULT_PREFIX} line
 * for the parent to parse. Heap is watched two ways: a sampler (a lower bound on the true peak)
 * and the sum of each heap pool's own peak (an upper bound, since the pools peak at different times).
 */
public final class ScanChild {
    public static final String RESULT_PREFIX = "SCAN-RESULT ";
    private static final long SAMPLE_MILLIS = 5;

    private ScanChild() {}

    /** Arguments: the DuckDB file and the number of runs. */
    public static void main(String[] args) throws Exception {
        Path db = Path.of(args[0]);
        int runs = Integer.parseInt(args[1]);
        MetricRequest request = BenchCases.staffDay().request();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        try (HikariDataSource ds = Databases.duckdb(db, true)) {
            Engine engine = new Engine(ModelLoader.loadDefault(), ds, SQLDialect.DUCKDB);
            // Start the measurement from a settled heap, so the model and pool setup are not counted as scan memory.
            System.gc();
            heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
            long gcBefore = gcCount();
            long gcMillisBefore = gcMillis();
            AtomicLong sampledPeak = new AtomicLong(memory.getHeapMemoryUsage().getUsed());
            Thread sampler = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    sampledPeak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(SAMPLE_MILLIS);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "heap-sampler");
            sampler.setDaemon(true);
            sampler.start();
            List<Double> millis = new ArrayList<>();
            long rows = -1;
            for (int i = 0; i < runs; i++) {
                long[] count = {0};
                long start = System.nanoTime();
                engine.stream(engine.compile(request, AccessScope.UNRESTRICTED), row -> count[0]++);
                millis.add((System.nanoTime() - start) / 1e6);
                rows = count[0];
            }
            sampler.interrupt();
            sampler.join();
            long poolPeaks = heapPools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
            StringJoiner runMillis = new StringJoiner(",");
            millis.forEach(m -> runMillis.add(String.format(java.util.Locale.ROOT, "%.1f", m)));
            System.out.println(RESULT_PREFIX + "rows=" + rows + " millis=" + runMillis + " sampledPeak=" + sampledPeak.get()
                    + " poolPeaks=" + poolPeaks + " maxHeap=" + Runtime.getRuntime().maxMemory()
                    + " gcCount=" + (gcCount() - gcBefore) + " gcMillis=" + (gcMillis() - gcMillisBefore)
                    + " gc=" + ManagementFactory.getGarbageCollectorMXBeans().stream()
                            .map(GarbageCollectorMXBean::getName).reduce((a, b) -> a + "+" + b).orElse("?").replace(' ', '_'));
        }
    }

    private static long gcCount() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
    }
}
