package org.caseload.bench.scan;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.caseload.bench.e2e.EndToEnd;

/** Starts {@link ScanChild} in a JVM with a capped heap and the bench's own class path, and reads its verdict. */
public final class ScanRun {
    public static final String HEAP = "256m";
    public static final long HEAP_BYTES = 256L << 20;

    private ScanRun() {}

    /**
     * What the child reported. {@code passed} means it exited normally under the cap with rows
     * streamed; heap figures are bytes.
     */
    public record Result(boolean passed, int exitCode, long rows, List<Double> millis, long sampledPeak, long poolPeaks,
                         long liveAfterGc, long maxHeap, long gcCount, long gcMillis, String gc, String failure) {
        public double medianMillis() {
            return EndToEnd.median(millis);
        }
    }

    public static Result run(Path db, int runs, PrintStream log) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, "-Xmx" + HEAP, "-XX:+ExitOnOutOfMemoryError",
                "-cp", System.getProperty("java.class.path"), ScanChild.class.getName(), db.toString(), Integer.toString(runs));
        log.println("scan: " + String.join(" ", command.subList(0, 3)) + " -cp <bench class path> "
                + ScanChild.class.getSimpleName() + " " + db.getFileName() + " " + runs);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String resultLine = null;
        List<String> other = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.startsWith(ScanChild.RESULT_PREFIX)) {
                    resultLine = line.substring(ScanChild.RESULT_PREFIX.length());
                } else {
                    other.add(line);
                    log.println("scan:   | " + line);
                }
            }
        }
        int exit = p.waitFor();
        if (resultLine == null || exit != 0) {
            String why = "child exited with " + exit + (resultLine == null ? " without a result" : "")
                    + (other.isEmpty() ? "" : ": " + other.get(other.size() - 1));
            return new Result(false, exit, -1, List.of(), -1, -1, -1, -1, -1, -1, "?", why);
        }
        Map<String, String> kv = new HashMap<>();
        for (String part : resultLine.split(" ")) {
            int eq = part.indexOf('=');
            kv.put(part.substring(0, eq), part.substring(eq + 1));
        }
        long rows = Long.parseLong(kv.get("rows"));
        long maxHeap = Long.parseLong(kv.get("maxHeap"));
        List<Double> millis = Arrays.stream(kv.get("millis").split(",")).map(Double::parseDouble).toList();
        // The JVM may report a little less than -Xmx (a survivor space), never more.
        boolean capped = maxHeap <= HEAP_BYTES;
        boolean passed = rows > 0 && capped;
        return new Result(passed, exit, rows, millis, Long.parseLong(kv.get("sampledPeak")),
                Long.parseLong(kv.get("poolPeaks")), Long.parseLong(kv.get("liveAfterGc")), maxHeap,
                Long.parseLong(kv.get("gcCount")), Long.parseLong(kv.get("gcMillis")), kv.get("gc"),
                passed ? null : rows <= 0 ? "no rows streamed" : "heap was not capped: max " + maxHeap);
    }
}
