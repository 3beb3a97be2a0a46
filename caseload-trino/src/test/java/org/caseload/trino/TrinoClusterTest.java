package org.caseload.trino;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** The cluster is what it claims to be: three live Trino servers behind one JDBC URL. */
class TrinoClusterTest {
    @Test
    void coordinatorAndTwoWorkersAreActive() throws Exception {
        TrinoCluster cluster = TrinoCluster.get();
        try (Connection c = cluster.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*), count_if(coordinator), count_if(state = 'active') from system.runtime.nodes")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getLong(1)).isEqualTo(TrinoCluster.NODES);
            assertThat(rs.getLong(2)).isEqualTo(1);
            assertThat(rs.getLong(3)).isEqualTo(TrinoCluster.NODES);
        }
        assertThat(cluster.nodeCount()).isEqualTo(TrinoCluster.NODES);
    }

    @Test
    void urlNamesTheCatalogAndSchemaAndConnectionsUseThem() throws Exception {
        TrinoCluster cluster = TrinoCluster.get();
        assertThat(cluster.jdbcUrl()).matches("jdbc:trino://[^/]+:\\d+/memory/caseload");
        try (Connection c = cluster.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select current_user, current_catalog, current_schema")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("caseload");
            assertThat(rs.getString(2)).isEqualTo("memory");
            assertThat(rs.getString(3)).isEqualTo("caseload");
        }
    }

    @Test
    void theSameClusterServesTheWholeJvm() {
        assertThat(TrinoCluster.get()).isSameAs(TrinoCluster.get());
    }
}
