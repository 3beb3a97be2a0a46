package org.caseload.bench.scan;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.zaxxer.hikari.HikariDataSource;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
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
 * for the parent to parse. Heap is watched three ways: a sampler of heap used (a lower bound on the
 * true peak), the sum of each heap pool's own peak (an upper bound, since the pools peak at different
 * times), and the most heap still in use right after any collection (what the scan really kept alive;
 * the rest was garbage the collector had not yet needed to reclaim).
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
            AtomicLong liveAfterGc = watchLiveHeap(heapPools);
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
            // GC notifications arrive on another thread; give the last one time to land.
            Thread.sleep(200);
            long poolPeaks = heapPools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
            StringJoiner runMillis = new StringJoiner(",");
            millis.forEach(m -> runMillis.add(String.format(java.util.Locale.ROOT, "%.1f", m)));
            System.out.println(RESULT_PREFIX + "rows=" + rows + " millis=" + runMillis + " sampledPeak=" + sampledPeak.get()
                    + " poolPeaks=" + poolPeaks + " liveAfterGc=" + liveAfterGc.get() + " maxHeap=" + Runtime.getRuntime().maxMemory()
                    + " gcCount=" + (gcCount() - gcBefore) + " gcMillis=" + (gcMillis() - gcMillisBefore)
                    + " gc=" + ManagementFactory.getGarbageCollectorMXBeans().stream()
                            .map(GarbageCollectorMXBean::getName).reduce((a, b) -> a + "+" + b).orElse("?").replace(' ', '_'));
        }
    }

    /** The largest heap-in-use seen right after a collection, from then on. */
    private static AtomicLong watchLiveHeap(List<MemoryPoolMXBean> heapPools) {
        Set<String> heapNames = heapPools.stream().map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
        AtomicLong max = new AtomicLong(0);
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener((n, handback) -> {
                    if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) return;
                    GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
                    long used = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                            .filter(e -> heapNames.contains(e.getKey())).mapToLong(e -> e.getValue().getUsed()).sum();
                    max.accumulateAndGet(used, Math::max);
                }, null, null);
            }
        }
        return max;
    }

    private static long gcCount() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
    }
}
