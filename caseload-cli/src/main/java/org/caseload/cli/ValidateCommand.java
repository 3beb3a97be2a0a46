package org.caseload.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.caseload.model.ModelLoader;
import org.caseload.model.SemanticModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "validate", description = "Check a model file; prints each problem as file:line:column. Exit 0 when valid, 2 when not.")
final class ValidateCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "FILE", description = "Model YAML file (default: the built-in clinic model).")
    Path file;

    @Override
    public Integer call() {
        SemanticModel m = file == null ? ModelLoader.loadDefault() : ModelLoader.load(file);
        spec.commandLine().getOut().printf("%s: ok — %d facts, %d measures, %d metrics, %d dimensions%n",
                file == null ? "built-in model '" + m.name() + "'" : file, m.facts().size(), m.measures().size(),
                m.metrics().size(), m.dimensions().size());
        return Main.OK;
    }
}
