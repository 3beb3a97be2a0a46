package org.caseload.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code caseload serve}'s analytics database options become the application's properties. */
class AppMainTest {
    @TempDir
    Path dir;

    private List<String> serve(Map<String, String> environment, String... args) {
        return AppMain.serveArgs(environment::get, args);
    }

    @Test
    void urlAndUserFromFlagsPasswordOnlyFromTheEnvironment() {
        List<String> args = serve(Map.of("CASELOAD_ANALYTICS_PASSWORD", "s3cret=x"), "--url", "jdbc:postgresql://db:5432/warehouse",
                "--user", "reader", "--port", "9090");
        assertThat(args).contains("--caseload.analytics.url=jdbc:postgresql://db:5432/warehouse", "--caseload.analytics.user=reader",
                "--caseload.analytics.password=s3cret=x", "--server.port=9090", "--caseload.demo=false");
    }

    @Test
    void theEnvironmentGivesTheDefaultsAndFlagsWin() {
        Map<String, String> env = Map.of("CASELOAD_ANALYTICS_URL", "jdbc:mariadb://db:3306/warehouse", "CASELOAD_ANALYTICS_USER", "env-user");
        assertThat(serve(env)).contains("--caseload.analytics.url=jdbc:mariadb://db:3306/warehouse", "--caseload.analytics.user=env-user")
                .noneMatch(a -> a.startsWith("--caseload.analytics.password="));
        assertThat(serve(env, "--url", "jdbc:postgresql://other/w", "--user", "flag-user"))
                .contains("--caseload.analytics.url=jdbc:postgresql://other/w", "--caseload.analytics.user=flag-user")
                .doesNotContain("--caseload.analytics.url=jdbc:mariadb://db:3306/warehouse");
    }

    @Test
    void withoutAUrlTheDuckDbFileMustExist() throws Exception {
        Path db = dir.resolve("caseload.duckdb");
        assertThatThrownBy(() -> serve(Map.of(), "--db", db.toString())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--db: no analytics database at").hasMessageContaining("--url JDBC_URL");
        Files.createFile(db);
        assertThat(serve(Map.of(), "--db", db.toString())).contains("--caseload.analytics.db=" + db)
                .noneMatch(a -> a.startsWith("--caseload.analytics.url="));
    }

    @Test
    void anUnsupportedUrlIsRefusedNamingTheFlag() {
        assertThatThrownBy(() -> serve(Map.of(), "--url", "jdbc:oracle:thin:@db:1521/x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("--url: unsupported database URL");
    }
}
