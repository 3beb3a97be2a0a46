package org.caseload.ingest.demo;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.function.LongConsumer;
import org.caseload.ingest.load.LoadSummary;
import org.caseload.ingest.load.WarehouseLoader;

/**
 * Fills a warehouse with the demo network's 2024–2025 activity, replacing what was there. The same
 * options always produce identical table contents.
 */
public final class DemoGenerator {
    private DemoGenerator() {}

    /**
     * Generates and loads the demo data in one transaction.
     *
     * @param visitsProgress told the running number of visits written, once per generated day
     */
    public static LoadSummary generate(Connection duckdb, DemoOptions options, LongConsumer visitsProgress)
            throws SQLException {
        Objects.requireNonNull(options, "options");
        LongConsumer progress = visitsProgress == null ? visits -> {} : visitsProgress;
        Network network = Network.get();
        return WarehouseLoader.replaceAll(duckdb, sink -> BackgroundRows.replay(
                channel -> new DemoRun(network, options, channel::progress, channel).run(), sink, progress));
    }

    public static LoadSummary generate(Connection duckdb, DemoOptions options) throws SQLException {
        return generate(duckdb, options, null);
    }

    /** The anomalies every generated data set contains, whatever its seed or size. */
    public static List<PlantedAnomaly> plantedAnomalies() {
        return Anomalies.planted(Network.get());
    }
}
