package org.caseload.cli;

import com.zaxxer.hikari.HikariDataSource;
import java.io.BufferedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import org.caseload.cli.output.Records;
import org.caseload.cli.output.Records.Cell;
import org.caseload.engine.execute.AnalyticsDatabase;
import org.caseload.engine.execute.Engine;
import org.caseload.engine.query.AccessScope;
import org.caseload.engine.query.RequestSyntax;
import org.caseload.insights.outlier.Flag;
import org.caseload.insights.outlier.Method;
import org.caseload.insights.outlier.OutlierDetector;
import org.caseload.insights.outlier.OutlierRequest;
import org.caseload.insights.outlier.OutlierResult;
import org.caseload.model.Metric;
import org.caseload.model.SemanticModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "outliers", description = "Flag values that stand out against peers or the entity's own past, each explained.", sortOptions = false)
final class OutliersCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--metric", required = true, paramLabel = "M", description = "The metric to test.")
    String metric;

    @Option(names = "--by", required = true, paramLabel = "DIM", description = "The entities: location, staff, service, ...")
    String by;

    @Option(names = "--within", paramLabel = "DIM", description = "Peer group: compare only entities sharing this member.")
    String within;

    @Option(names = "--grain", paramLabel = "G", description = "Test each period: day, week, month, quarter, year.")
    String grain;

    @Option(names = "--method", defaultValue = "mad", paramLabel = "M",
            description = "mad (modified z-score vs peers, default), iqr (Tukey fences vs peers) or baseline (vs own trailing periods).")
    String method;

    @Option(names = "--threshold", paramLabel = "X", description = "|z| above which to flag (mad, baseline: 3.5), or the fence factor k (iqr: 1.5; 3 for far out).")
    Double threshold;

    @Option(names = "--min-volume", paramLabel = "N", defaultValue = "" + OutlierRequest.DEFAULT_MIN_VOLUME,
            description = "Ratios over fewer visits (or fewer of their own denominator) are low volume, not flagged (default: ${DEFAULT-VALUE}).")
    int minVolume;

    @Mixin
    InsightOptions options;

    @Mixin
    DatabaseOptions database;

    @Override
    public Integer call() {
        options.checkFormat();
        Method m = Method.parse(method, "method");
        SemanticModel model = database.loadModel();
        OutlierRequest request = new OutlierRequest(metric, by, Optional.ofNullable(within),
                Optional.ofNullable(grain).map(g -> RequestSyntax.grain(g, "grain")), m,
                threshold == null ? OptionalDouble.empty() : OptionalDouble.of(threshold),
                options.fromDate(), options.toDate(), options.dimensionFilters(), minVolume);
        AnalyticsDatabase analytics = database.existing();
        try (HikariDataSource ds = analytics.pool(true, 2)) {
            OutlierResult result = new OutlierDetector(new Engine(model, ds, analytics.dialect())).detect(request, AccessScope.UNRESTRICTED);
            write(result, model.metric(metric).orElseThrow());
        }
        return Main.OK;
    }

    private void write(OutlierResult result, Metric m) {
        List<String> header = List.of("entity", "peer_group", "period", "metric", "value", "expected", "deviation_pct",
                "z", "direction", "explanation");
        List<List<Cell>> rows = new ArrayList<>();
        for (Flag f : result.flags()) {
            rows.add(List.of(
                    Cell.of(f.entity().label()),
                    Cell.of(f.peerGroup().label()),
                    Cell.of(f.period().map(Object::toString).orElse(null)),
                    Cell.of(f.metric()),
                    Cell.of(f.value(), m.format().format(f.value())),
                    Cell.of(f.expected(), m.format().format(f.expected())),
                    Cell.of(f.deviationPct(), f.deviationPct() == null ? "" : String.format(Locale.ENGLISH, "%+.0f%%", 100 * f.deviationPct())),
                    Cell.of(f.z(), f.z() == null ? "" : String.format(Locale.ENGLISH, "%.1f", f.z())),
                    Cell.of(f.direction()),
                    Cell.of(f.explanation())));
        }
        PrintStream out = new PrintStream(new BufferedOutputStream(System.out), false, StandardCharsets.UTF_8);
        if (options.format.equals("table")) {
            // The explanation says it all for people; the numbers are in csv and json.
            List<List<Cell>> brief = rows.stream().map(r -> List.of(r.get(8), r.get(9))).toList();
            Records.write("table", List.of("direction", "explanation"), brief, out);
            if (rows.isEmpty()) out.println("(nothing stands out at this threshold)");
        } else {
            Records.write(options.format, header, rows, out);
        }
        out.flush();
        if (!result.untested().isEmpty()) {
            long lowVolume = result.untested().stream().filter(u -> u.reason().startsWith("low volume")).count();
            spec.commandLine().getErr().printf(Locale.ENGLISH, "%d entity-periods not tested (%d low volume; others too few peers or too little history)%n",
                    result.untested().size(), lowVolume);
            spec.commandLine().getErr().flush();
        }
    }
}
