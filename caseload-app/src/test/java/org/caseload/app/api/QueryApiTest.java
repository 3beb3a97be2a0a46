package org.caseload.app.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caseload.app.support.Users.ANALYST;
import static org.caseload.app.support.Users.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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

/** The analytics API on the {@link Clinic} fixture; every expected value is worked out from it by hand. */
@AppTest
class QueryApiTest {
    @Autowired MockMvc mvc;
    @Autowired UserService users;
    Clinic clinic;

    @BeforeEach
    void data(Fixtures fixtures) {
        clinic = Clinic.create(fixtures);
        Users.create(users, clinic.l1().id());
    }

    private MvcResult postQuery(String body) throws Exception {
        return mvc.perform(post("/api/query").with(as(ANALYST)).contentType(MediaType.APPLICATION_JSON).content(body)).andReturn();
    }

    private static String body(MvcResult r) throws Exception {
        return r.getResponse().getContentAsString();
    }

    @Test
    void catalogListsMetricsWithTheirDimensions() throws Exception {
        MvcResult r = mvc.perform(get("/api/metrics").with(as(ANALYST))).andExpect(status().isOk()).andReturn();
        JsonNode catalog = Replies.tree(body(r));
        JsonNode visits = null;
        for (JsonNode m : catalog.get("metrics")) if (m.get("name").asString().equals("visits")) visits = m;
        assertThat(visits).isNotNull();
        assertThat(visits.get("label").asString()).isEqualTo("Visits");
        assertThat(visits.get("format").asString()).isEqualTo("integer");
        assertThat(visits.get("direction").asString()).isEqualTo("higher_is_better");
        List<String> dims = visits.get("dimensions").valueStream().map(JsonNode::asString).toList();
        assertThat(dims).contains("location", "service", "staff", "patient_sex");
        assertThat(catalog.get("grains").valueStream().map(JsonNode::asString).toList())
                .containsExactly("day", "week", "month", "quarter", "year");
    }

    @Test
    void queryByLocationForJanuary() throws Exception {
        MvcResult r = postQuery("""
                {"metrics": ["visits", "booked", "no_shows", "no_show_rate", "charges", "staff_cost", "staff_cost_per_visit"],
                 "dimensions": ["location"], "from": "2024-01-01", "to": "2024-02-01"}""");
        assertThat(r.getResponse().getStatus()).isEqualTo(200);
        JsonNode reply = Replies.tree(body(r));
        assertThat(reply.get("columns").valueStream().map(c -> c.get("name").asString()).toList())
                .containsExactly("location", "location_label", "visits", "booked", "no_shows", "no_show_rate", "charges",
                        "staff_cost", "staff_cost_per_visit");
        assertThat(reply.get("sql").asString()).contains("select").contains("2024-01-01");
        List<Map<String, JsonNode>> rows = Replies.rows(reply);
        assertThat(rows).hasSize(2);
        Map<String, JsonNode> alder = rows.get(0); // ordered by label: Alder before Birch
        assertThat(alder.get("location").asString()).isEqualTo(clinic.l1().id());
        assertThat(alder.get("location_label").asString()).isEqualTo("Alder Clinic");
        assertThat(alder.get("visits").asLong()).isEqualTo(2);                                  // a1 a2
        assertThat(alder.get("booked").asLong()).isEqualTo(3);                                  // + no-show a3
        assertThat(alder.get("no_shows").asLong()).isEqualTo(1);                                // a3
        assertThat(alder.get("no_show_rate").asDouble()).isCloseTo(1.0 / 3, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(alder.get("charges").decimalValue()).isEqualByComparingTo("180.00");         // 100 + 80
        assertThat(alder.get("staff_cost").decimalValue()).isEqualByComparingTo("800.00");      // s1's January shift
        assertThat(alder.get("staff_cost_per_visit").asDouble()).isCloseTo(400, org.assertj.core.data.Offset.offset(1e-9)); // 800 / 2
        Map<String, JsonNode> birch = rows.get(1);
        assertThat(birch.get("location_label").asString()).isEqualTo("Birch Clinic");
        assertThat(birch.get("visits").asLong()).isEqualTo(2);                                  // b1 b2
        assertThat(birch.get("booked").asLong()).isEqualTo(2);                                  // b3 was cancelled
        assertThat(birch.get("no_shows").asLong()).isZero();
        assertThat(birch.get("no_show_rate").asDouble()).isZero();                              // 0 / 2
        assertThat(birch.get("charges").decimalValue()).isEqualByComparingTo("400.00");         // 250 + 150
        assertThat(birch.get("staff_cost_per_visit").asDouble()).isCloseTo(360, org.assertj.core.data.Offset.offset(1e-9)); // 720 / 2
    }

    @Test
    void queryTotalsWaitsAndComparison() throws Exception {
        JsonNode reply = Replies.tree(body(postQuery("""
                {"metrics": ["visits", "avg_wait_minutes", "avg_visit_minutes"], "from": "2024-01-01", "to": "2024-02-01",
                 "compare": "previous_period"}""")));
        Map<String, JsonNode> total = Replies.rows(reply).get(0);
        assertThat(total.get("visits").asLong()).isEqualTo(4);                    // a1 a2 b1 b2
        assertThat(total.get("visits_previous").asLong()).isEqualTo(3);           // December: a0 b0 b00
        assertThat(total.get("visits_delta").asLong()).isEqualTo(1);              // 4 - 3
        assertThat(total.get("visits_delta_pct").asDouble()).isCloseTo(1.0 / 3, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(total.get("avg_wait_minutes").asDouble()).isCloseTo(7.5, org.assertj.core.data.Offset.offset(1e-9));   // (10+0+20+0)/4
        assertThat(total.get("avg_visit_minutes").asDouble()).isCloseTo(37.5, org.assertj.core.data.Offset.offset(1e-9)); // (30+20+60+40)/4
    }

    @Test
    void havingOrderLimitAndFilters() throws Exception {
        // Charges by location over everything: Alder 100+80+90 = 270, Birch 250+150+60+70 = 530.
        List<Map<String, JsonNode>> top = Replies.rows(body(postQuery("""
                {"metrics": ["charges"], "dimensions": ["location"], "order": ["-charges"], "limit": 1}""")));
        assertThat(top).singleElement().satisfies(r -> {
            assertThat(r.get("location_label").asString()).isEqualTo("Birch Clinic");
            assertThat(r.get("charges").decimalValue()).isEqualByComparingTo("530.00");
        });
        List<Map<String, JsonNode>> over300 = Replies.rows(body(postQuery("""
                {"metrics": ["charges"], "dimensions": ["location"], "having": ["charges > 300"]}""")));
        assertThat(over300).extracting(r -> r.get("location_label").asString()).containsExactly("Birch Clinic");
        // A filter by label: only Alder's January completed visits, a1 and a2.
        List<Map<String, JsonNode>> alder = Replies.rows(body(postQuery("""
                {"metrics": ["visits"], "from": "2024-01-01", "to": "2024-02-01",
                 "filters": [{"dimension": "location", "op": "eq", "values": ["Alder Clinic"]}]}""")));
        assertThat(alder.get(0).get("visits").asLong()).isEqualTo(2);
        // not_in Alder by key: Birch's b1 b2.
        List<Map<String, JsonNode>> notAlder = Replies.rows(body(postQuery("""
                {"metrics": ["visits"], "from": "2024-01-01", "to": "2024-02-01",
                 "filters": [{"dimension": "location", "op": "not_in", "values": ["%s"]}]}""".formatted(clinic.l1().id()))));
        assertThat(notAlder.get(0).get("visits").asLong()).isEqualTo(2);
    }

    @Test
    void csvExportHasTheSameRows() throws Exception {
        MvcResult r = mvc.perform(get("/api/query.csv").with(as(ANALYST))
                        .param("metrics", "visits,charges").param("dimensions", "location")
                        .param("from", "2024-01-01").param("to", "2024-02-01"))
                .andExpect(status().isOk()).andReturn();
        assertThat(r.getResponse().getContentType()).startsWith("text/csv");
        assertThat(r.getResponse().getHeader("Content-Disposition")).contains("caseload.csv");
        // Dimensions as labels, raw values: Alder 2 visits 180.00, Birch 2 visits 400.00.
        assertThat(body(r).split("\r\n")).containsExactly("location,visits,charges", "Alder Clinic,2,180.00", "Birch Clinic,2,400.00");
        MvcResult keys = mvc.perform(get("/api/query.csv").with(as(ANALYST)).param("metrics", "visits")
                .param("dimensions", "location").param("from", "2024-01-01").param("to", "2024-02-01")
                .param("filter", "location!=Birch Clinic").param("keys", "true")).andExpect(status().isOk()).andReturn();
        assertThat(body(keys).split("\r\n")).containsExactly("location,visits", clinic.l1().id() + ",2");
    }

    @Test
    void unknownMetricIs400WithADidYouMeanHint() throws Exception {
        MvcResult r = postQuery("{\"metrics\": [\"visit\"]}");
        assertThat(r.getResponse().getStatus()).isEqualTo(400);
        JsonNode e = error(r);
        assertThat(e.get("field").asString()).isEqualTo("metrics");
        assertThat(e.get("error").asString()).contains("visit");
        assertThat(e.get("hint").asString()).contains("visits");
    }

    @Test
    void badDateIs400OnFrom() throws Exception {
        MvcResult r = postQuery("{\"metrics\": [\"visits\"], \"from\": \"2024-13-45\"}");
        assertThat(r.getResponse().getStatus()).isEqualTo(400);
        assertThat(error(r).get("field").asString()).isEqualTo("from");
    }

    @Test
    void badFilterOpIs400OnTheFilter() throws Exception {
        MvcResult r = postQuery("""
                {"metrics": ["visits"], "filters": [{"dimension": "location", "op": "like", "values": ["A%"]}]}""");
        assertThat(r.getResponse().getStatus()).isEqualTo(400);
        JsonNode e = error(r);
        assertThat(e.get("field").asString()).isEqualTo("filters[0].op");
        assertThat(e.get("hint").asString()).contains("eq").contains("not_in");
    }

    @Test
    void csvErrorsAreJsonToo() throws Exception {
        MvcResult r = mvc.perform(get("/api/query.csv").with(as(ANALYST)).param("metrics", "visitz")).andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(400);
        assertThat(error(r).get("field").asString()).isEqualTo("metrics");
        MvcResult missing = mvc.perform(get("/api/query.csv").with(as(ANALYST))).andReturn();
        assertThat(missing.getResponse().getStatus()).isEqualTo(400);
        assertThat(error(missing).get("field").asString()).isEqualTo("metrics");
    }

    @Test
    void notJsonIs400AndMissingDashboardIs404() throws Exception {
        MvcResult r = mvc.perform(post("/api/query").with(as(ANALYST)).contentType(MediaType.APPLICATION_JSON).content("{nope")).andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(400);
        error(r);
        MvcResult missing = mvc.perform(get("/api/dashboards/999999").with(as(ANALYST))).andReturn();
        assertThat(missing.getResponse().getStatus()).isEqualTo(404);
        assertThat(error(missing).get("error").asString()).contains("999999");
        MvcResult results = mvc.perform(get("/api/dashboards/999999/results").with(as(ANALYST))).andReturn();
        assertThat(results.getResponse().getStatus()).isEqualTo(404);
        error(results);
    }

    static JsonNode error(MvcResult r) throws Exception {
        return Replies.error(r);
    }
}
