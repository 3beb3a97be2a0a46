package org.caseload.servers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** An independent server goes away and comes back on the same port with the same data, as in a real outage. */
class PostgresServerRestartTest {

    @Test
    void newConnectionsWorkAfterARestart() throws SQLException {
        try (PostgresServer server = TestServers.startPostgres(Map.of("max_connections", "20"))) {
            System.out.println("[caseload-servers] independent POSTGRES started in "
                    + server.lastStartupTime().toMillis() + " ms (initdb included)");
            ServerHandle handle = server.handle();
            DataSource ds = handle.dataSource();
            int port = server.port();
            assertThat(SharedServersTest.one(ds, "show max_connections")).isEqualTo("20");
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                s.execute("create table survivor (id integer)");
                s.execute("insert into survivor values (42)");
            }

            Connection open = ds.getConnection();
            server.stop();
            assertThat(server.isRunning()).isFalse();
            assertThatThrownBy(() -> open.createStatement().execute("select 1")).isInstanceOf(SQLException.class);
            assertThatThrownBy(ds::getConnection).isInstanceOf(SQLException.class).hasMessageContaining("refused");
            open.close();

            server.start();
            System.out.println("[caseload-servers] independent POSTGRES restarted in "
                    + server.lastStartupTime().toMillis() + " ms");
            assertThat(server.port()).isEqualTo(port);
            assertThat(server.handle()).isEqualTo(handle);
            assertThat(SharedServersTest.one(ds, "select id from survivor")).isEqualTo("42");

            server.restart();
            assertThat(SharedServersTest.one(ds, "select count(*) from survivor")).isEqualTo("1");
        }
    }

    @Test
    void closeRemovesTheServerAndItsFiles() {
        PostgresServer server = TestServers.startPostgres(Map.of());
        server.close();
        assertThat(server.dataDirectory()).doesNotExist();
        assertThat(ServerFiles.portInUse(server.port())).isFalse();
        assertThatThrownBy(server::start).hasMessageContaining("Closed");
    }
}
