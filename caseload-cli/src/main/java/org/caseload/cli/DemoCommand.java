package org.caseload.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.caseload.ingest.demo.DemoGenerator;
import org.caseload.ingest.demo.DemoOptions;
import org.caseload.ingest.demo.PlantedAnomaly;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "demo", description = "Create the demo database if it is absent, then show queries to try.")
final class DemoCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--db", paramLabel = "PATH", defaultValue = DatabaseOptions.DEFAULT_DB,
            description = "DuckDB file (default: ${DEFAULT-VALUE}).")
    Path db;

    /** The period of an anomaly says how to look for it: a day against its own weekdays, a month against peers, a year within a service. */
    private static String howToLook(PlantedAnomaly a) {
        long days = java.time.temporal.ChronoUnit.DAYS.between(a.from(), a.to());
        if (days == 1) return "--grain day --method baseline";
        if (days <= 31) return "--grain month";
        return "--within service --from " + a.from() + " --to " + a.to();
    }

    @Override
    public Integer call() throws Exception {
        var out = spec.commandLine().getOut();
        if (Files.exists(db)) {
            out.println("Using the existing demo database " + db + " (delete it or run `caseload demo-data` to regenerate).");
        } else {
            out.println("Creating the demo database " + db + " (about 1.5 million visits over 2024–2025)...");
            out.flush();
            DemoDataCommand.generate(db, DemoOptions.defaults(), spec.commandLine().getErr());
        }
        String dbFlag = db.toString().equals(DatabaseOptions.DEFAULT_DB) ? "" : " --db " + db;
        out.println();
        out.println("Try these:");
        out.println("  ./caseload metrics");
        out.println("  ./caseload query --metrics visits,no_show_rate,staff_cost_per_visit --by region --grain quarter" + dbFlag);
        out.println("  ./caseload query --metrics visits,utilization --by location --from 2025-01-01 --to 2025-04-01 --compare previous_year" + dbFlag);
        out.println("  ./caseload query --metrics staff_cost_per_visit --by location,service --order -staff_cost_per_visit --limit 10" + dbFlag);
        out.println("  ./caseload query --metrics visits --by location --grain month --sql" + dbFlag);
        out.println();
        out.println("Scores and outliers:");
        out.println("  ./caseload scores --score overall --by location" + dbFlag);
        out.println("  ./caseload scores --score staff_cost --by location --within service --from 2025-01-01 --to 2026-01-01" + dbFlag);
        out.println();
        out.println("The demo data hides a few anomalies. These find them:");
        for (PlantedAnomaly a : DemoGenerator.plantedAnomalies()) {
            out.printf("  ./caseload outliers --metric %s --by %s %s%s%n", a.metric(), a.dimension(), howToLook(a), dbFlag);
        }
        out.println("(answers in the README, section \"Demo data\")");
        out.flush();
        return Main.OK;
    }
}
