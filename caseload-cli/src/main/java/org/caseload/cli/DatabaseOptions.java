package org.caseload.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.caseload.model.ModelLoader;
import org.caseload.model.SemanticModel;
import picocli.CommandLine.Option;

/** {@code --db} and {@code --model}, shared by the verbs that read the warehouse. */
final class DatabaseOptions {
    static final String DEFAULT_DB = "data/caseload.duckdb";

    @Option(names = "--db", paramLabel = "PATH", defaultValue = DEFAULT_DB,
            description = "DuckDB file of the analytics database (default: ${DEFAULT-VALUE}).")
    Path db;

    @Option(names = "--model", paramLabel = "FILE", description = "Model YAML file (default: the built-in clinic model).")
    Path model;

    SemanticModel loadModel() {
        return model == null ? ModelLoader.loadDefault() : ModelLoader.load(model);
    }

    Path existingDb() {
        if (!Files.isRegularFile(db)) {
            throw new BadInputException("--db: no database at " + db
                    + " — run `caseload demo-data` to create demo data, or pass --db PATH");
        }
        return db;
    }
}
