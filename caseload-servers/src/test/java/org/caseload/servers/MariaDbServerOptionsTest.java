package org.caseload.servers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An independent MariaDB carries server options the shared one must not, and survives a restart. */
class MariaDbServerOptionsTest {

    @Test
    void waitTimeoutFromTheCommandLine() throws SQLException {
        try (MariaDbServer server = TestServers.startMariaDb(Map.of("wait_timeout", "5"))) {
            System.out.println("[caseload-servers] independent MARIADB started in "
                    + server.lastStartupTime().toMillis() + " ms (after install)");
            ServerHandle handle = server.handle();
            assertThat(SharedServersTest.one(handle.dataSource(), "select @@wait_timeout")).isEqualTo("5");
            assertThat(SharedServersTest.one(handle.dataSource(), "select @@global.wait_timeout")).isEqualTo("5");
            assertThat(SharedServersTest.one(TestServers.mariadb().dataSource(), "select @@global.wait_timeout"))
                    .as("the shared server keeps the default").isEqualTo("28800");

            handle.createDatabase("kept");
            server.restart();
            assertThat(server.isRunning()).isTrue();
            assertThat(SharedServersTest.one(handle.dataSource(),
                    "select count(*) from information_schema.schemata where schema_name = 'kept'")).isEqualTo("1");
        }
    }

    @Test
    void unknownOptionsFailWithTheServerLog() {
        assertThatThrownBy(() -> TestServers.startMariaDb(Map.of("no_such_option", "1")))
                .hasMessageContaining("did not start").hasMessageContaining("no_such_option");
    }
}
