package org.caseload.cli;

import java.nio.file.Path;
import org.caseload.engine.execute.AnalyticsDatabase;
import org.caseload.model.ModelLoader;
import org.caseload.model.SemanticModel;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The warehouse options and {@code --model}, shared by the verbs that query. */
final class DatabaseOptions {
    static final String DEFAULT_DB = WarehouseOptions.DEFAULT_DB;

    @Mixin
    WarehouseOptions warehouse;

    @Option(names = "--model", paramLabel = "FILE", description = "Model YAML file (default: the built-in clinic model).")
    Path model;

    SemanticModel loadModel() {
        return model == null ? ModelLoader.loadDefault() : ModelLoader.load(model);
    }

    AnalyticsDatabase existing() {
        return warehouse.existing();
    }

    AnalyticsDatabase target() {
        return warehouse.target();
    }

    boolean hasUrl() {
        return warehouse.hasUrl();
    }
}
