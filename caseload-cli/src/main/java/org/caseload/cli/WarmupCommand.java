package org.caseload.cli;

import com.zaxxer.hikari.HikariDataSource;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.caseload.cli.output.ResultWriter;
import org.caseload.engine.execute.Databases;
import org.caseload.engine.execute.Engine;
import org.caseload.engine.query.AccessScope;
import org.caseload.engine.query.MetricRequest;
import org.caseload.engine.render.CompiledQuery;
import org.caseload.engine.warehouse.WarehouseDdl;
import org.caseload.model.Grain;
import org.caseload.model.ModelLoader;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import picocli.CommandLine.Command;

/**
 * Runs a whole query on a throwaway warehouse so the launcher can record every class a query loads
 * into its class-data-sharing archive (with {@code -XX:ArchiveClassesAtExit}); later runs map them
 * instead of loading them, which is most of a short query's wall time.
 */
@Command(name = "warmup", hidden = true, description = "Exercise a query end to end (used by the launcher).")
final class WarmupCommand implements Callable<Integer> {
    @Override
    public Integer call() throws Exception {
        Path dir = Files.createTempDirectory("caseload-warmup");
        Path file = dir.resolve("warmup.duckdb");
        try (HikariDataSource ds = Databases.duckdb(file, false)) {
            Engine engine = new Engine(ModelLoader.loadDefault(), ds, SQLDialect.DUCKDB);
            WarehouseDdl.createAll(DSL.using(ds, SQLDialect.DUCKDB));
            CompiledQuery q = engine.compile(MetricRequest.builder().metrics("visits", "staff_cost_per_visit", "no_show_rate")
                    .dimensions("location").grain(Grain.MONTH).build(), AccessScope.UNRESTRICTED);
            ResultWriter writer = ResultWriter.of("table", q.plan().columns(), false, new PrintStream(OutputStream.nullOutputStream()));
            engine.stream(q, writer::row);
            writer.finish();
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir.resolve("warmup.duckdb.wal"));
            Files.deleteIfExists(dir);
        }
        return Main.OK;
    }
}
