package org.caseload.bench.compile;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;
import org.openjdk.jmh.util.Statistics;

/** Runs {@link CompileBenchmark} through JMH's Runner API, in a forked JVM as JMH intends. */
public final class CompileRun {
    private CompileRun() {}

    /** One benchmark's sample distribution, in microseconds per compile. */
    public record Figures(String benchmark, double medianMicros, double p90Micros, double p99Micros, double meanMicros,
                          long samples) {}

    /**
     * @param warmups warm-up iterations; each lasts {@code seconds}
     * @param iterations measured iterations; each lasts {@code seconds}
     * @param verbose JMH's own per-iteration output, for when a fork fails or the figures look odd
     */
    public static Map<String, Figures> run(int warmups, int iterations, int seconds, boolean verbose)
            throws RunnerException {
        return run(CompileBenchmark.class, warmups, iterations, seconds, verbose);
    }

    /** Runs every benchmark method of {@code benchmarks}, keyed by method name in JMH's (alphabetical) order. */
    public static Map<String, Figures> run(Class<?> benchmarks, int warmups, int iterations, int seconds, boolean verbose)
            throws RunnerException {
        Options options = new OptionsBuilder()
                .include(Pattern.quote(benchmarks.getName()) + "\\..*")
                .forks(1)
                .threads(1)
                .warmupIterations(warmups)
                .warmupTime(TimeValue.seconds(seconds))
                .measurementIterations(iterations)
                .measurementTime(TimeValue.seconds(seconds))
                // Fixed, so the fork does not inherit whatever heap the bench itself was given.
                .jvmArgs("-Xms512m", "-Xmx512m")
                .shouldFailOnError(true)
                .verbosity(verbose ? VerboseMode.NORMAL : VerboseMode.SILENT)
                .build();
        Collection<RunResult> results = new Runner(options).run();
        Map<String, Figures> out = new LinkedHashMap<>();
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark();
            name = name.substring(name.lastIndexOf('.') + 1);
            Statistics s = r.getPrimaryResult().getStatistics();
            out.put(name, new Figures(name, s.getPercentile(50), s.getPercentile(90), s.getPercentile(99), s.getMean(),
                    s.getN()));
        }
        return out;
    }
}
