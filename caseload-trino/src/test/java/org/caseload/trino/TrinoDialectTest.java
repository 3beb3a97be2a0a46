package org.caseload.trino;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.caseload.dialects.DialectSuite;
import org.caseload.engine.dialect.Capability;
import org.caseload.engine.execute.AnalyticsDatabase;
import org.caseload.model.warehouse.Table;
import org.caseload.model.warehouse.WarehouseSchema;

/**
 * The cross-backend suite on the shared three-node cluster: the demo data loaded through the loader (multi-row
 * INSERTs, not transactional) into a schema of its own, {@value #SCHEMA}, so that the hand-computed fixture the
 * other tests of this module read in {@code memory.caseload} stays as it is. Trino has no exact ordered-set
 * aggregates (only approx_percentile): median and percentile metrics must be refused with the engine's message.
 * There is no console client for Trino here; the printed SQL runs through the JDBC driver.
 */
class TrinoDialectTest extends DialectSuite {
    static final String SCHEMA = "dialect_suite";

    @Override
    protected String backendName() {
        return "Trino";
    }

    @Override
    protected Set<Capability> capabilities() {
        return granted();
    }

    @Override
    protected Backend openBackend() throws SQLException {
        TrinoCluster cluster = TrinoCluster.get();
        String suffix = "/" + TrinoCluster.CATALOG + "/" + TrinoCluster.SCHEMA;
        if (!cluster.jdbcUrl().endsWith(suffix)) {
            throw new IllegalStateException("unexpected cluster URL " + cluster.jdbcUrl());
        }
        String url = cluster.jdbcUrl().substring(0, cluster.jdbcUrl().length() - suffix.length())
                + "/" + TrinoCluster.CATALOG + "/" + SCHEMA;
        dropSchema(cluster); // a fresh schema per class, whatever an earlier class left
        execute(cluster, List.of("create schema " + TrinoCluster.CATALOG + "." + SCHEMA));
        return new Backend(new AnalyticsDatabase(url, TrinoCluster.USER, null), Optional.empty(), () -> dropSchema(cluster));
    }

    /** The memory connector keeps tables until the cluster stops: drop them, so later classes get the memory back. */
    private static void dropSchema(TrinoCluster cluster) throws SQLException {
        String schema = TrinoCluster.CATALOG + "." + SCHEMA;
        List<String> drops = new java.util.ArrayList<>();
        for (Table t : WarehouseSchema.TABLES) {
            drops.add("drop table if exists " + schema + "." + t.name());
        }
        drops.add("drop schema if exists " + schema);
        execute(cluster, drops);
    }

    private static void execute(TrinoCluster cluster, List<String> statements) throws SQLException {
        try (Connection c = cluster.connect(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }
}
