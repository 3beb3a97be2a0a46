package org.caseload.app.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caseload.app.support.Users.ANALYST;
import static org.caseload.app.support.Users.MANAGER;
import static org.caseload.app.support.Users.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.caseload.app.support.AppTest;
import org.caseload.app.support.Clinic;
import org.caseload.app.support.Replies;
import org.caseload.app.support.Users;
import org.caseload.app.user.UserService;
import org.caseload.testkit.fixtures.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Every analytics query is audited — who, from where, what, how many rows, the SQL's hash — failed ones included. */
@AppTest
class AuditLogTest {
    @Autowired MockMvc mvc;
    @Autowired UserService users;
    @Autowired AuditService audit;
    Clinic clinic;

    @BeforeEach
    void data(Fixtures fixtures) {
        clinic = Clinic.create(fixtures);
        Users.create(users, clinic.l1().id());
    }

    static String sha256(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void apiQueryIsAuditedWithRowCountAndSqlHash() throws Exception {
        MvcResult r = mvc.perform(post("/api/query").with(as(ANALYST)).header("X-Request-Id", "audit-test-1")
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"metrics": ["visits", "charges"], "dimensions": ["location"], "from": "2024-01-01", "to": "2024-02-01",
                         "filters": [{"dimension": "location", "op": "not_in", "values": ["Nowhere"]}]}""")).andReturn();
        String sql = Replies.tree(r.getResponse().getContentAsString()).get("sql").asString();
        List<AuditEntry> entries = audit.search(ANALYST, "api", null, 10);
        assertThat(entries).singleElement().satisfies(e -> {
            assertThat(e.getUsername()).isEqualTo(ANALYST);
            assertThat(e.getSource()).isEqualTo("api");
            assertThat(e.getRequestId()).isEqualTo("audit-test-1");
            assertThat(e.getMetrics()).isEqualTo("visits,charges");
            assertThat(e.getDimensions()).isEqualTo("location");
            assertThat(e.getFilters()).contains("location!=Nowhere").contains("from=2024-01-01").contains("to=2024-02-01");
            assertThat(e.getRowCount()).isEqualTo(2L); // Alder and Birch
            assertThat(e.getError()).isNull();
        });
        assertThat(entries.get(0).getSqlHash()).isEqualTo(sha256(sql));
    }

    @Test
    void failedQueryIsAuditedWithItsError() throws Exception {
        MvcResult r = mvc.perform(post("/api/query").with(as(ANALYST)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"metrics\": [\"visits\", \"no_such_metric\"]}")).andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(400);
        List<AuditEntry> entries = audit.search(ANALYST, null, null, 10);
        assertThat(entries).singleElement().satisfies(e -> {
            assertThat(e.getSource()).isEqualTo("api");
            assertThat(e.getMetrics()).isEqualTo("visits,no_such_metric");
            assertThat(e.getError()).contains("no_such_metric");
            assertThat(e.getRowCount()).isNull();
            assertThat(e.getSqlHash()).isNull(); // it never got as far as SQL
        });
    }

    @Test
    void csvAndTilesAreAuditedAsTheirSource() throws Exception {
        mvc.perform(get("/api/query.csv").with(as(MANAGER)).param("metrics", "visits").param("dimensions", "location")).andReturn();
        // The manager sees Alder only: one row.
        assertThat(audit.search(MANAGER, "csv", null, 10)).singleElement()
                .satisfies(e -> assertThat(e.getRowCount()).isEqualTo(1L));

        MvcResult d = mvc.perform(post("/api/dashboards").with(as(ANALYST)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"Audited\"}")).andReturn();
        long id = Replies.tree(d.getResponse().getContentAsString()).get("id").asLong();
        mvc.perform(post("/api/dashboards/" + id + "/tiles").with(as(ANALYST)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"title\": \"A\", \"request\": {\"metrics\": [\"no_shows\"]}}")).andReturn();
        mvc.perform(post("/api/dashboards/" + id + "/tiles").with(as(ANALYST)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"title\": \"B\", \"request\": {\"metrics\": [\"booked\"], \"dimensions\": [\"location\"]}}")).andReturn();
        mvc.perform(get("/api/dashboards/" + id + "/results").with(as(ANALYST))).andReturn();
        // Two tiles, two audit rows from the tile threads: no_shows (1 row), booked by location (2 rows).
        assertThat(audit.search(ANALYST, "tile", null, 10)).extracting(e -> e.getMetrics() + ":" + e.getRowCount())
                .containsExactlyInAnyOrder("no_shows:1", "booked:2");
        // Searching by metric name.
        assertThat(audit.search(null, null, "booked", 10)).hasSize(1);
    }
}
