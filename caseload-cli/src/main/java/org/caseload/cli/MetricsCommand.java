package org.caseload.cli;

import java.util.concurrent.Callable;
import org.caseload.model.Metric;
import org.caseload.model.SemanticModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "metrics", description = "The metric catalog: name, label, format, description; then the dimensions.")
final class MetricsCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", paramLabel = "FILE", description = "Model YAML file (default: the built-in clinic model).")
    java.nio.file.Path model;

    @Override
    public Integer call() {
        SemanticModel m = model == null ? org.caseload.model.ModelLoader.loadDefault() : org.caseload.model.ModelLoader.load(model);
        var out = spec.commandLine().getOut();
        int nameWidth = m.metrics().keySet().stream().mapToInt(String::length).max().orElse(4);
        int labelWidth = m.metrics().values().stream().mapToInt(x -> x.label().length()).max().orElse(5);
        String row = "%-" + nameWidth + "s  %-" + labelWidth + "s  %-12s  %s%n";
        out.printf(row, "name", "label", "format", "description");
        for (Metric x : m.metrics().values()) {
            String description = x.description() + x.formulaText().map(f -> " [= " + f + "]").orElse("");
            out.printf(row, x.name(), x.label(), x.format().yamlName(), description);
        }
        out.println();
        out.printf("%-" + nameWidth + "s  %s%n", "dimension", "description");
        m.dimensions().values().forEach(d -> out.printf("%-" + nameWidth + "s  %s%n", d.name(), d.description()));
        out.printf("%-" + nameWidth + "s  %s%n", "(time)", "--grain day, week (ISO, Monday), month, quarter, year");
        out.flush();
        return Main.OK;
    }
}
