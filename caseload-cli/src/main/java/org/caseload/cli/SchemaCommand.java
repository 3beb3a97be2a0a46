package org.caseload.cli;

import java.util.concurrent.Callable;
import org.caseload.model.ModelLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

@Command(name = "schema", description = "Print the JSON Schema of the model format (for editors: save it and point yaml-language-server at it).")
final class SchemaCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().print(ModelLoader.jsonSchema());
        spec.commandLine().getOut().flush();
        return Main.OK;
    }
}
