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
        out.println("The demo data hides a few anomalies. Can you find them?");
        for (PlantedAnomaly a : DemoGenerator.plantedAnomalies()) {
            out.printf("  - %s: try --metrics %s --by %s%s%n", a.name(), a.metric(), a.dimension(), dbFlag);
        }
        out.println("(answers in the README, section \"Demo data\")");
        out.flush();
        return Main.OK;
    }
}
