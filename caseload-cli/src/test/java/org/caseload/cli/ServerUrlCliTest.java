package org.caseload.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.caseload.cli.CliTest.Run;
import org.caseload.servers.ServerHandle;
import org.caseload.servers.TestServers;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every verb with {@code --url} on real PostgreSQL and MariaDB servers: the same Synthea import and
 * roster give the same query, score and outlier output as on DuckDB. The password comes from the
 * environment in real use; the servers here accept the test user's password through the URL.
 */
class ServerUrlCliTest {
    static final Path EXPORT = Path.of("../caseload-ingest/src/test/resources/synthea/csv").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    private static String url(String kind, String database) {
        ServerHandle handle = kind.equals("postgres") ? TestServers.postgres() : TestServers.mariadb();
        String url = handle.createDatabase(database);
        return url + (url.contains("?") ? "&" : "?") + "user=" + handle.user() + "&password=" + handle.password();
    }

    private static Run ok(String... args) {
        Run r = CliTest.run(args);
        assertThat(r.exit()).as(String.join(" ", args) + "\n" + r.err()).isZero();
        return r;
    }

    private static List<String> sortedLines(String out) {
        List<String> lines = new ArrayList<>(out.lines().toList());
        java.util.Collections.sort(lines);
        return lines;
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgres", "mariadb"})
    void importQueryScoresAndOutliersOnAServerMatchDuckDb(String kind) throws Exception {
        String url = url(kind, "cli_" + kind);
        String db = dir.resolve("same.duckdb").toString();
        for (String[] target : List.of(new String[] {"--url", url}, new String[] {"--db", db})) {
            Run imported = ok(concat(new String[] {"import", "synthea", EXPORT.toString(), "--zone", "America/New_York",
                    "--rejects", dir.resolve("r.csv").toString()}, target));
            assertThat(imported.err()).contains("visits=544 (544 new)");
        }
        List<String[]> verbs = List.of(
                new String[] {"query", "--metrics", "visits,patients,charges,avg_visit_minutes", "--by", "location",
                        "--grain", "month", "--keys", "--format", "csv"},
                new String[] {"query", "--metrics", "visits,charges", "--by", "service", "--compare", "previous_year",
                        "--grain", "year", "--format", "csv", "--from", "2024-01-01", "--to", "2026-01-01"},
                new String[] {"scores", "--score", "throughput", "--by", "location", "--format", "csv"},
                new String[] {"outliers", "--metric", "visits", "--by", "location", "--format", "csv"});
        for (String[] verb : verbs) {
            Run onServer = ok(concat(verb, "--url", url));
            Run onDuckDb = ok(concat(verb, "--db", db));
            assertSameOutput(String.join(" ", verb), onServer.out(), onDuckDb.out());
        }
        // --sql with --url prints the server's dialect without needing the database.
        Run sql = ok("query", "--metrics", "visits", "--by", "location", "--sql", "--url", url);
        assertThat(sql.out()).contains(kind.equals("postgres") ? "\"visits\"" : "`visits`");
    }

    /**
     * Same lines, field by field: text and decimals (counts, money) exactly, floating-point values
     * (averages, ratios, scores) to 1e-9 relative, since servers may sum in another order.
     */
    private static void assertSameOutput(String what, String actual, String expected) {
        List<String> a = sortedLines(actual);
        List<String> e = sortedLines(expected);
        assertThat(a).as(what).hasSameSizeAs(e);
        for (int i = 0; i < e.size(); i++) {
            String[] af = a.get(i).split(",", -1);
            String[] ef = e.get(i).split(",", -1);
            assertThat(af).as(what + ": " + e.get(i)).hasSameSizeAs(ef);
            for (int f = 0; f < ef.length; f++) {
                if (ef[f].equals(af[f])) {
                    continue;
                }
                double x = Double.parseDouble(ef[f]);
                assertThat(Double.parseDouble(af[f])).as(what + ": " + e.get(i) + " vs " + a.get(i))
                        .isCloseTo(x, org.assertj.core.data.Offset.offset(Math.abs(x) * 1e-9));
            }
        }
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
