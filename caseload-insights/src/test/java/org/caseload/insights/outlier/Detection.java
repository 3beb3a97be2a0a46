package org.caseload.insights.outlier;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.caseload.insights.EntityRows.Row;
import org.caseload.insights.TestEngine;
import org.caseload.insights.outlier.OutlierDetector.Context;
import org.caseload.insights.outlier.OutlierResult.Untested;
import org.caseload.model.Aggregation;
import org.caseload.model.Grain;
import org.caseload.model.Metric;
import org.caseload.model.SemanticModel;

/**
 * Runs the detector's statistics on hand-built rows, with the context {@code detect} would build
 * (shape and volume from the real detector on the default model), and sorts flags as it does.
 */
final class Detection implements AutoCloseable {
    final TestEngine warehouse;
    final OutlierDetector detector;
    final SemanticModel model;

    Detection(Path dir) throws Exception {
        warehouse = TestEngine.create(dir);
        detector = new OutlierDetector(warehouse.engine);
        model = warehouse.engine.model();
    }

    record Result(List<Flag> flags, List<Untested> untested) {
        Optional<Untested> untested(String entity, Optional<LocalDate> period) {
            return untested.stream().filter(u -> u.entity().key().equals(entity) && u.period().equals(period)).findFirst();
        }

        List<String> flaggedKeys() {
            return flags.stream().map(f -> f.entity().key()).toList();
        }
    }

    static OutlierRequest request(String metric, Method method, Double threshold, Grain grain, int minVolume) {
        return new OutlierRequest(metric, "location", Optional.empty(), Optional.ofNullable(grain), method,
                threshold == null ? OptionalDouble.empty() : OptionalDouble.of(threshold), Optional.empty(),
                Optional.empty(), List.of(), minVolume);
    }

    static OutlierRequest request(String metric, Method method) {
        return request(metric, method, null, null, OutlierRequest.DEFAULT_MIN_VOLUME);
    }

    Context context(OutlierRequest req) {
        Metric m = model.metric(req.metric()).orElseThrow();
        // as the detector's private isCount: counts (not sums) get the Poisson floor
        boolean isCount = m.measure().map(ms -> model.measures().get(ms).agg())
                .filter(a -> a == Aggregation.COUNT || a == Aggregation.COUNT_DISTINCT).isPresent();
        return new Context(req, m, detector.volumeMetric(m), detector.shape(m), isCount);
    }

    Result peers(OutlierRequest req, List<Row> rows) {
        List<Flag> flags = new ArrayList<>();
        List<Untested> untested = new ArrayList<>();
        OutlierDetector.peers(context(req), rows, flags, untested);
        return new Result(sorted(flags), untested);
    }

    Result baseline(OutlierRequest req, List<Row> rows) {
        List<Flag> flags = new ArrayList<>();
        List<Untested> untested = new ArrayList<>();
        OutlierDetector.baseline(context(req), rows, flags, untested);
        return new Result(sorted(flags), untested);
    }

    /** The order of {@code detect}: strongest first. */
    static List<Flag> sorted(List<Flag> flags) {
        List<Flag> out = new ArrayList<>(flags);
        out.sort(Comparator.comparingDouble(Flag::strength).reversed()
                .thenComparing(f -> f.entity().label()).thenComparing(f -> f.period().orElse(LocalDate.MIN)));
        return out;
    }

    @Override
    public void close() {
        warehouse.close();
    }
}
