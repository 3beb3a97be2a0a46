package org.caseload.engine.execute;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.caseload.engine.query.AccessScope;
import org.caseload.engine.query.Comparison;
import org.caseload.engine.query.DimensionFilter;
import org.caseload.engine.query.MetricFilter;
import org.caseload.engine.query.MetricRequest;
import org.caseload.engine.render.CompiledQuery;
import org.caseload.model.Grain;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The inlined SQL that {@code --sql} prints must mean exactly what the bound SQL that ran meant:
 * both are executed, the inlined one as plain text through JDBC like a console would, and must give
 * identical rows — over values chosen to break naive inlining.
 */
class InlineVersusBoundTest {
    @TempDir
    static Path dir;
    static EngineTestSupport db;

    @BeforeAll
    static void setUp() throws Exception {
        db = new EngineTestSupport(dir);
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    static Stream<MetricRequest> trickyRequests() {
        return Stream.of(
                // A quote in a label filter.
                MetricRequest.builder().metrics("visits", "charges").dimensions("location")
                        .filter(DimensionFilter.in("location", "O'Brien Family Clinic", "Riverside")).build(),
                // Backslash and quote in one label; non-ASCII letters.
                MetricRequest.builder().metrics("visits", "avg_visit_minutes").dimensions("staff")
                        .filter(DimensionFilter.in("staff", "Dan \\ O'Neil", "Ann Lee")).build(),
                MetricRequest.builder().metrics("visits").dimensions("location")
                        .filter(DimensionFilter.notIn("location", "Zoë Ørsted Care")).build(),
                // Midnight bounds on the US DST change day; a visit at 01:30 and a shift from midnight.
                MetricRequest.builder().metrics("visits", "staff_hours", "utilization").dimensions("location")
                        .grain(Grain.DAY).between(LocalDate.of(2024, 3, 10), LocalDate.of(2024, 3, 11)).build(),
                // Null keys (a patient without sex), decimals in HAVING.
                MetricRequest.builder().metrics("visits", "no_show_rate").dimensions("patient_sex")
                        .having(new MetricFilter("no_show_rate", MetricFilter.Op.LT, new BigDecimal("0.5"))).build(),
                // Comparison periods shift timestamps; percentiles take a fraction literal.
                MetricRequest.builder().metrics("visits", "p90_wait_minutes").grain(Grain.MONTH)
                        .between(LocalDate.of(2024, 2, 1), LocalDate.of(2024, 4, 1)).compare(Comparison.PREVIOUS_PERIOD).build());
    }

    @ParameterizedTest
    @MethodSource("trickyRequests")
    void inlinedAndBoundSqlReturnIdenticalRows(MetricRequest request) throws Exception {
        CompiledQuery q = db.engine.compile(request, AccessScope.UNRESTRICTED);
        assertThat(q.bindValues()).as("user values are bound in the executed form").isNotEmpty();
        assertThat(q.parameterSql()).contains("?");
        List<List<Object>> bound = db.engine.execute(q).rows().stream().map(Arrays::asList).toList();
        List<List<Object>> inlined = new ArrayList<>();
        try (Connection c = db.dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(q.inlineSql())) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) row.add(Values.normalize(rs.getObject(i)));
                inlined.add(row);
            }
        }
        assertThat(bound).isNotEmpty();
        assertThat(inlined).isEqualTo(bound);
    }
}
