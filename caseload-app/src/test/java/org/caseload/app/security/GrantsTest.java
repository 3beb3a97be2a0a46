package org.caseload.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caseload.app.support.Users.MANAGER;
import static org.caseload.app.support.Users.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;
import java.util.Map;
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
import tools.jackson.databind.JsonNode;

/**
 * Row-level grants at every entry point: manager "max" is granted Alder (L1) only and must never
 * get a row, or a total, that includes Birch (L2) — from the query API, the CSV export, a
 * dashboard tile, or a comparison period; asking for Birch by filter returns nothing.
 */
@AppTest
class GrantsTest {
    @Autowired MockMvc mvc;
    @Autowired UserService users;
    Clinic clinic;

    @BeforeEach
    void data(Fixtures fixtures) {
        clinic = Clinic.create(fixtures);
        Users.create(users, clinic.l1().id());
    }

    private JsonNode query(String json) throws Exception {
        MvcResult r = mvc.perform(post("/api/query").with(as(MANAGER)).contentType(MediaType.APPLICATION_JSON).content(json))
                .andReturn();
        assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(200);
        return Replies.tree(r.getResponse().getContentAsString());
    }

    @Test
    void queryApiReturnsOnlyGrantedLocations() throws Exception {
        List<Map<String, JsonNode>> rows = Replies.rows(query("""
                {"metrics": ["visits", "charges"], "dimensions": ["location"], "from": "2024-01-01", "to": "2024-02-01"}"""));
        // Alder only: a1 a2, 100 + 80.
        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.get("location").asString()).isEqualTo(clinic.l1().id());
            assertThat(r.get("visits").asLong()).isEqualTo(2);
            assertThat(r.get("charges").decimalValue()).isEqualByComparingTo("180.00");
        });
        // A total is a total of the granted rows: 2 visits, not Alder + Birch = 4.
        Map<String, JsonNode> total = Replies.rows(query("""
                {"metrics": ["visits", "charges", "staff_cost"], "from": "2024-01-01", "to": "2024-02-01"}""")).get(0);
        assertThat(total.get("visits").asLong()).isEqualTo(2);
        assertThat(total.get("charges").decimalValue()).isEqualByComparingTo("180.00");
        assertThat(total.get("staff_cost").decimalValue()).isEqualByComparingTo("800.00"); // s1's shift; s2's 720 is Birch's
        // Other dimensions cannot reach Birch's rows either: by staff only Ann Lee (Alder) appears.
        assertThat(Replies.rows(query("""
                {"metrics": ["visits"], "dimensions": ["staff"]}"""))).extracting(r -> r.get("staff_label").asString())
                .containsExactly("Ann Lee");
    }

    @Test
    void filterAskingForAnUngrantedLocationReturnsNothing() throws Exception {
        for (String value : List.of(clinic.l2().id(), "Birch Clinic")) {
            List<Map<String, JsonNode>> byLocation = Replies.rows(query("""
                    {"metrics": ["visits", "charges"], "dimensions": ["location"],
                     "filters": [{"dimension": "location", "op": "eq", "values": ["%s"]}]}""".formatted(value)));
            assertThat(byLocation).isEmpty();
            List<Map<String, JsonNode>> total = Replies.rows(query("""
                    {"metrics": ["visits", "charges"],
                     "filters": [{"dimension": "location", "op": "in", "values": ["%s"]}]}""".formatted(value)));
            // No granted row matches: no row at all, or one empty aggregate (0 visits, no charges).
            assertThat(total).allSatisfy(r -> {
                assertThat(r.get("visits").asLong()).isZero();
                assertThat(r.get("charges").isNull()).isTrue();
            });
        }
    }

    @Test
    void csvExportReturnsOnlyGrantedLocations() throws Exception {
        MvcResult r = mvc.perform(get("/api/query.csv").with(as(MANAGER)).param("metrics", "visits,charges")
                .param("dimensions", "location").param("keys", "true")).andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(200);
        String csv = r.getResponse().getContentAsString();
        // Alder over all time: a1 a2 a0 = 3 visits, 100 + 80 + 90 = 270.00.
        assertThat(csv.split("\r\n")).containsExactly("location,visits,charges", clinic.l1().id() + ",3,270.00");
        assertThat(csv).doesNotContain(clinic.l2().id());
        MvcResult filtered = mvc.perform(get("/api/query.csv").with(as(MANAGER)).param("metrics", "visits")
                .param("dimensions", "location").param("filter", "location=" + clinic.l2().id())).andReturn();
        assertThat(filtered.getResponse().getContentAsString().split("\r\n")).containsExactly("location,visits");
    }

    @Test
    void dashboardTilesRunWithTheViewersGrants() throws Exception {
        // An admin builds the dashboard; the manager views it.
        MvcResult created = mvc.perform(post("/api/dashboards").with(as(Users.ADMIN)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"Network\"}")).andReturn();
        long id = Replies.tree(created.getResponse().getContentAsString()).get("id").asLong();
        for (String tile : List.of(
                "{\"title\": \"By location\", \"request\": {\"metrics\": [\"visits\"], \"dimensions\": [\"location\"]}}",
                "{\"title\": \"Total\", \"chartType\": \"kpi\", \"request\": {\"metrics\": [\"visits\", \"charges\"]}}")) {
            mvc.perform(post("/api/dashboards/" + id + "/tiles").with(as(Users.ADMIN)).contentType(MediaType.APPLICATION_JSON)
                    .content(tile)).andReturn();
        }
        MvcResult viewed = mvc.perform(get("/api/dashboards/" + id + "/results").with(as(MANAGER))).andReturn();
        assertThat(viewed.getResponse().getStatus()).isEqualTo(200);
        JsonNode results = Replies.tree(viewed.getResponse().getContentAsString());
        // By location: only Alder, 3 visits over all time (a1 a2 a0).
        assertThat(Replies.rows(results.get(0).get("result")))
                .extracting(r -> r.get("location").asString() + "=" + r.get("visits").asLong())
                .containsExactly(clinic.l1().id() + "=3");
        // Total: 3 visits and 270.00, not the network's 3 + 4 = 7 visits and 800.00.
        Map<String, JsonNode> total = Replies.rows(results.get(1).get("result")).get(0);
        assertThat(total.get("visits").asLong()).isEqualTo(3);
        assertThat(total.get("charges").decimalValue()).isEqualByComparingTo("270.00");
        // The admin sees the whole network on the same dashboard: Alder 3 + Birch 4 (b1 b2 b0 b00) = 7 visits.
        JsonNode adminView = Replies.tree(mvc.perform(get("/api/dashboards/" + id + "/results").with(as(Users.ADMIN)))
                .andReturn().getResponse().getContentAsString());
        assertThat(Replies.rows(adminView.get(1).get("result")).get(0).get("visits").asLong()).isEqualTo(7);
    }

    @Test
    void comparisonPeriodIsRestrictedToo() throws Exception {
        List<Map<String, JsonNode>> rows = Replies.rows(query("""
                {"metrics": ["visits"], "dimensions": ["location"], "from": "2024-01-01", "to": "2024-02-01",
                 "compare": "previous_period"}"""));
        // Alder: January a1 a2 = 2, December a0 = 1.
        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.get("location").asString()).isEqualTo(clinic.l1().id());
            assertThat(r.get("visits").asLong()).isEqualTo(2);
            assertThat(r.get("visits_previous").asLong()).isEqualTo(1);
            assertThat(r.get("visits_delta").asLong()).isEqualTo(1);
        });
        // The total's previous period is Alder's December only: 1, not 1 + 2 (b0 b00) = 3.
        Map<String, JsonNode> total = Replies.rows(query("""
                {"metrics": ["visits"], "from": "2024-01-01", "to": "2024-02-01", "compare": "previous_period"}""")).get(0);
        assertThat(total.get("visits").asLong()).isEqualTo(2);
        assertThat(total.get("visits_previous").asLong()).isEqualTo(1);
        // And through the CSV export: location, visits, previous, delta, delta %: 2, 1, 1, 1 (= +100 %).
        MvcResult csv = mvc.perform(get("/api/query.csv").with(as(MANAGER)).param("metrics", "visits")
                .param("dimensions", "location").param("from", "2024-01-01").param("to", "2024-02-01")
                .param("compare", "previous_period")).andReturn();
        String[] lines = csv.getResponse().getContentAsString().split("\r\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[1]).startsWith("Alder Clinic,2,1,1,");
        Replies.assertNoStackTrace(csv.getResponse().getContentAsString());
    }
}
