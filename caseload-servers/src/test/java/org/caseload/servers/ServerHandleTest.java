package org.caseload.servers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The value side of handles, the external-server lookup and console output parsing: no server needed. */
class ServerHandleTest {

    @Test
    void partsOfTheUrl() {
        ServerHandle pg = new ServerHandle("jdbc:postgresql://127.0.0.1:40123/postgres?ssl=false", "postgres", "pw",
                ServerKind.POSTGRES);
        assertThat(pg.host()).isEqualTo("127.0.0.1");
        assertThat(pg.port()).isEqualTo(40123);
        assertThat(pg.database()).isEqualTo("postgres");
        assertThat(pg.withDatabase("visits").jdbcUrl())
                .isEqualTo("jdbc:postgresql://127.0.0.1:40123/visits?ssl=false");
        assertThat(pg.consoleCommand()).isEqualTo("PGPASSWORD=pw psql -h 127.0.0.1 -p 40123 -U postgres -d postgres");

        ServerHandle external = new ServerHandle("jdbc:mariadb://db.example/clinic", "app", "", ServerKind.MARIADB);
        assertThat(external.port()).isEqualTo(3306);
        assertThat(external.consoleCommand()).isEqualTo("mariadb --protocol=TCP -h db.example -P 3306 -u app clinic");
        assertThat(new ServerHandle("jdbc:postgresql://[::1]:5433/x", "u", null, ServerKind.POSTGRES).host())
                .isEqualTo("::1");
    }

    @Test
    void rejectsWhatWouldFailLater() {
        assertThatThrownBy(() -> new ServerHandle("jdbc:mysql://h/db", "u", "", ServerKind.MARIADB))
                .hasMessageContaining("jdbc:mariadb://");
        ServerHandle pg = new ServerHandle("jdbc:postgresql://h/db", "u", "", ServerKind.POSTGRES);
        assertThatThrownBy(() -> pg.withDatabase("Robert'); DROP TABLE students;--"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> pg.createDatabase("db")).hasMessageContaining("while connected to it");
    }

    @Test
    void toStringHidesThePassword() {
        assertThat(new ServerHandle("jdbc:postgresql://h/db", "u", "s3cret", ServerKind.POSTGRES).toString())
                .doesNotContain("s3cret").contains("***");
    }

    @Test
    void externalServersFromPropertiesThenEnvironment() {
        Map<String, String> props = Map.of("caseload.test.postgres.url", "jdbc:postgresql://pg:5432/ci",
                "caseload.test.postgres.password", "p");
        Map<String, String> env = Map.of("CASELOAD_TEST_POSTGRES_URL", "jdbc:postgresql://ignored/x",
                "CASELOAD_TEST_POSTGRES_USER", "ci", "CASELOAD_TEST_MARIADB_URL", "jdbc:mariadb://my:3307/ci");

        ServerHandle pg = TestServers.external(ServerKind.POSTGRES, props::get, env::get).orElseThrow();
        assertThat(pg).isEqualTo(new ServerHandle("jdbc:postgresql://pg:5432/ci", "ci", "p", ServerKind.POSTGRES));
        ServerHandle my = TestServers.external(ServerKind.MARIADB, props::get, env::get).orElseThrow();
        assertThat(my).isEqualTo(new ServerHandle("jdbc:mariadb://my:3307/ci", "root", "", ServerKind.MARIADB));
        assertThat(TestServers.external(ServerKind.MARIADB, k -> null, k -> " ")).isEmpty();
    }

    @Test
    void consoleOutputBecomesRowsWithNulls() {
        assertThat(ConsoleClients.parse("1\t\\N\ta b\nx\n", ServerKind.POSTGRES))
                .containsExactly(Arrays.asList("1", null, "a b"), Arrays.asList("x"));
        assertThat(ConsoleClients.parse("1\tNULL\ta\\tb\\\\c\\nd\n", ServerKind.MARIADB))
                .containsExactly(Arrays.asList("1", null, "a\tb\\c\nd"));
        assertThat(ConsoleClients.parse("", ServerKind.MARIADB)).isEmpty();
        assertThat(ConsoleClients.parse("\n", ServerKind.POSTGRES)).containsExactly(Arrays.asList(""));
    }
}
