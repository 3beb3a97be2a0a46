package org.caseload.cli;

import com.zaxxer.hikari.HikariDataSource;
import java.io.BufferedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.caseload.cli.output.Records;
import org.caseload.cli.output.Records.Cell;
import org.caseload.engine.execute.AnalyticsDatabase;
import org.caseload.engine.execute.Engine;
import org.caseload.engine.query.AccessScope;
import org.caseload.insights.score.ScoreRequest;
import org.caseload.insights.score.ScoreResult;
import org.caseload.insights.score.ScoredEntity;
import org.caseload.insights.score.Scorer;
import org.caseload.model.Score;
import org.caseload.model.SemanticModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "scores", description = "Rank locations, services or staff on a score (0–100) against their peers.", sortOptions = false)
final class ScoresCommand implements Callable<Integer> {
    @Option(names = "--score", defaultValue = "overall", paramLabel = "NAME", description = "overall, throughput, efficiency, staff_cost or a score of your model (default: ${DEFAULT-VALUE}).")
    String score;

    @Option(names = "--by", required = true, paramLabel = "DIM", description = "What to score: location, service, staff, ...")
    String by;

    @Option(names = "--within", paramLabel = "DIM", description = "Peer group: compare only entities sharing this member, e.g. --within service.")
    String within;

    @Mixin
    InsightOptions options;

    @Mixin
    DatabaseOptions database;

    @Override
    public Integer call() {
        options.checkFormat();
        SemanticModel model = database.loadModel();
        ScoreRequest request = new ScoreRequest(score, by, Optional.ofNullable(within), options.fromDate(), options.toDate(),
                options.dimensionFilters());
        AnalyticsDatabase analytics = database.existing();
        try (HikariDataSource ds = analytics.pool(true, 2)) {
            ScoreResult result = new Scorer(new Engine(model, ds, analytics.dialect())).score(request, AccessScope.UNRESTRICTED);
            write(result, options.format, model);
        }
        return Main.OK;
    }

    private static void write(ScoreResult result, String format, SemanticModel model) {
        Score s = result.score();
        List<String> header = new ArrayList<>(List.of("entity", "peer_group", "score", "rank"));
        s.components().forEach(c -> {
            header.add(c.name() + "_value");
            header.add(c.name() + "_normalized");
            header.add(c.name() + "_contribution");
        });
        header.add("not_scored");
        List<List<Cell>> rows = new ArrayList<>();
        for (ScoredEntity e : result.entities()) {
            List<Cell> r = new ArrayList<>();
            r.add(Cell.of(e.entity().label()));
            r.add(Cell.of(e.peerGroup().label()));
            r.add(e.score().isPresent() ? Cell.of(round(e.score().getAsDouble(), 2), String.format(Locale.ENGLISH, "%.1f", e.score().getAsDouble())) : Cell.of(null));
            r.add(e.rank().isPresent() ? Cell.of((long) e.rank().getAsInt()) : Cell.of(null));
            for (ScoredEntity.ComponentScore c : e.components()) {
                r.add(Cell.of(c.value(), c.value() == null ? "" : format(result, model, c.name(), c.value())));
                r.add(c.normalized() == null ? Cell.of(null) : Cell.of(round(c.normalized(), 2), String.format(Locale.ENGLISH, "%.0f", c.normalized())));
                r.add(c.contribution() == null ? Cell.of(null) : Cell.of(round(c.contribution(), 2), bar(c.contribution())));
            }
            r.add(Cell.of(e.notScored().orElse(null)));
            rows.add(r);
        }
        PrintStream out = new PrintStream(new BufferedOutputStream(System.out), false, StandardCharsets.UTF_8);
        Records.write(format, header, rows, out);
    }

    /** A component's contribution as a bar of up to 10 blocks (a contribution is at most its weight share of 100). */
    private static String bar(double contribution) {
        int blocks = (int) Math.round(contribution / 5);
        return "█".repeat(Math.max(0, blocks)) + String.format(Locale.ENGLISH, " %.1f", contribution);
    }

    private static String format(ScoreResult result, SemanticModel model, String component, double value) {
        return result.score().components().stream().filter(c -> c.name().equals(component) && c.isScore()).findFirst()
                .map(c -> String.format(Locale.ENGLISH, "%.1f", value))
                .orElseGet(() -> model.metric(component)
                        .map(m -> m.format().format(value)).orElse(String.valueOf(value)));
    }

    private static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }
}
