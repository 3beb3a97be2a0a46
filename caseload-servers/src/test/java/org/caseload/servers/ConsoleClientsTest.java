package org.caseload.servers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * psql and mariadb from Debian's client packages against the embedded servers. Where a client is missing this
 * skips, except in CI ({@code CI} set, or {@code -Dcaseload.ci=true}), where the clients are part of the setup
 * and a skip would hide that they went missing.
 */
class ConsoleClientsTest {

    @Test
    void psqlReadsRowsAndNulls() {
        require(ConsoleClients.psql(), "psql", "postgresql-client");
        ServerHandle db = TestServers.postgres();
        db.createDatabase("console_test");
        ServerHandle handle = db.withDatabase("console_test");

        List<List<String>> rows = ConsoleClients.query(handle, """
                create table clinic (id integer, name text, note text);
                insert into clinic values (1, 'Nord', null), (2, 'Süd', '');
                select id, name, note from clinic order by id;
                show timezone;
                """);
        assertThat(rows).containsExactly(Arrays.asList("1", "Nord", null), Arrays.asList("2", "Süd", ""),
                List.of("UTC"));
    }

    @Test
    void mariadbReadsRowsAndNulls() {
        require(ConsoleClients.mariadb(), "mariadb", "mariadb-client");
        ServerHandle db = TestServers.mariadb();
        db.createDatabase("console_test");
        ServerHandle handle = db.withDatabase("console_test");

        List<List<String>> rows = ConsoleClients.query(handle, """
                create table clinic (id integer, name text, note text);
                insert into clinic values (1, 'Nord', null), (2, 'Süd', 'tab\there');
                select id, name, note from clinic order by id;
                select @@time_zone, @@character_set_client;
                """);
        assertThat(rows).containsExactly(Arrays.asList("1", "Nord", null), Arrays.asList("2", "Süd", "tab\there"),
                List.of("+00:00", "utf8mb4"));
    }

    @Test
    void errorsCarryTheClientsMessage() {
        require(ConsoleClients.psql(), "psql", "postgresql-client");
        require(ConsoleClients.mariadb(), "mariadb", "mariadb-client");
        assertThatThrownBy(() -> ConsoleClients.query(TestServers.postgres(), "select 1; selec 2; select 3;"))
                .isInstanceOfSatisfying(ConsoleClients.ClientException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(3); // psql: an error under ON_ERROR_STOP
                    assertThat(e.stderr()).contains("syntax error at or near \"selec\"");
                });
        assertThatThrownBy(() -> ConsoleClients.query(TestServers.mariadb(), "select * from no_such_table"))
                .isInstanceOfSatisfying(ConsoleClients.ClientException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(1);
                    assertThat(e.stderr()).contains("ERROR 1146").contains("no_such_table");
                });
        ServerHandle wrong = new ServerHandle(TestServers.mariadb().jdbcUrl(), MariaDbServer.USER, "wrong",
                ServerKind.MARIADB);
        assertThatThrownBy(() -> ConsoleClients.query(wrong, "select 1")).hasMessageContaining("Access denied");
    }

    private static void require(Optional<Path> client, String name, String debianPackage) {
        if (client.isPresent()) {
            return;
        }
        String reason = name + " is not on the PATH (apt-get install " + debianPackage + ")";
        if (ConsoleClients.clientsRequired()) {
            Assertions.fail(reason + "; CI must install it");
        }
        Assumptions.abort(reason);
    }
}
