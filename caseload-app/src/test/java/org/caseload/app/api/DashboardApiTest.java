package org.caseload.app.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caseload.app.support.Users.ANALYST;
import static org.caseload.app.support.Users.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;

/** Dashboards and saved explorations through the API: create, rename, tiles, order, results, delete. */
@AppTest
class DashboardApiTest {
    @Autowired MockMvc mvc;
    @Autowired UserService users;
    Clinic clinic;

    @BeforeEach
    void data(Fixtures fixtures) {
        clinic = Clinic.create(fixtures);
        Users.create(users, clinic.l1().id());
    }

    private MvcResult send(MockHttpServletRequestBuilder req, String json) throws Exception {
        if (json != null) req = req.contentType(MediaType.APPLICATION_JSON).content(json);
        MvcResult r = mvc.perform(req.with(as(ANALYST))).andReturn();
        Replies.assertNoStackTrace(r.getResponse().getContentAsString());
        return r;
    }

    private static JsonNode json(MvcResult r) throws Exception {
        return Replies.tree(r.getResponse().getContentAsString());
    }

    private static final String JANUARY_BY_LOCATION = """
            {"metrics": ["visits"], "dimensions": ["location"], "from": "2024-01-01", "to": "2024-02-01"}""";
    private static final String DECEMBER_TOTAL = """
            {"metrics": ["visits", "charges"], "from": "2023-12-01", "to": "2024-01-01"}""";
    private static final String JANUARY_CHARGES = """
            {"metrics": ["charges"], "from": "2024-01-01", "to": "2024-02-01"}""";

    @Test
    void dashboardLifecycle() throws Exception {
        MvcResult created = send(post("/api/dashboards"), "{\"name\": \"Ops\"}");
        assertThat(created.getResponse().getStatus()).isEqualTo(201);
        long id = json(created).get("id").asLong();
        assertThat(json(created).get("owner").asString()).isEqualTo(ANALYST);

        MvcResult renamed = send(put("/api/dashboards/" + id), "{\"name\": \"Operations\"}");
        assertThat(json(renamed).get("name").asString()).isEqualTo("Operations");

        long t1 = lastTile(send(post("/api/dashboards/" + id + "/tiles"),
                "{\"title\": \"Visits by location\", \"chartType\": \"bar\", \"request\": " + JANUARY_BY_LOCATION + "}"));
        long t2 = lastTile(send(post("/api/dashboards/" + id + "/tiles"),
                "{\"title\": \"December\", \"chartType\": \"kpi\", \"request\": " + DECEMBER_TOTAL + "}"));
        MvcResult third = send(post("/api/dashboards/" + id + "/tiles"),
                "{\"title\": \"Charges\", \"chartType\": \"kpi\", \"request\": " + JANUARY_CHARGES + "}");
        assertThat(third.getResponse().getStatus()).isEqualTo(201);
        long t3 = lastTile(third);
        assertThat(titles(json(third))).containsExactly("Visits by location", "December", "Charges");

        MvcResult reordered = send(put("/api/dashboards/" + id + "/order"), "{\"tileIds\": [" + t3 + ", " + t1 + ", " + t2 + "]}");
        assertThat(titles(json(reordered))).containsExactly("Charges", "Visits by location", "December");
        assertThat(json(reordered).get("tiles").valueStream().map(t -> t.get("position").asInt()).toList()).containsExactly(0, 1, 2);

        // Results, tiles in dashboard order, each run on the tile executor as the viewer.
        JsonNode results = json(send(get("/api/dashboards/" + id + "/results"), null));
        assertThat(results.valueStream().map(r -> r.get("title").asString()).toList())
                .containsExactly("Charges", "Visits by location", "December");
        assertThat(results.valueStream().map(r -> r.get("error").isNull()).toList()).containsOnly(true);
        // January charges 100 + 80 + 250 + 150 = 580.
        assertThat(Replies.rows(results.get(0).get("result")).get(0).get("charges").decimalValue()).isEqualByComparingTo("580.00");
        // January by location: Alder a1 a2, Birch b1 b2.
        assertThat(Replies.rows(results.get(1).get("result")))
                .extracting(r -> r.get("location_label").asString() + "=" + r.get("visits").asLong())
                .containsExactly("Alder Clinic=2", "Birch Clinic=2");
        // December: a0 b0 b00; charges 90 + 60 + 70 = 220.
        Map<String, JsonNode> december = Replies.rows(results.get(2).get("result")).get(0);
        assertThat(december.get("visits").asLong()).isEqualTo(3);
        assertThat(december.get("charges").decimalValue()).isEqualByComparingTo("220.00");

        MvcResult removed = send(delete("/api/dashboards/" + id + "/tiles/" + t1), null);
        assertThat(removed.getResponse().getStatus()).isEqualTo(204);
        JsonNode after = json(send(get("/api/dashboards/" + id), null));
        assertThat(titles(after)).containsExactly("Charges", "December");
        assertThat(after.get("tiles").valueStream().map(t -> t.get("position").asInt()).toList()).containsExactly(0, 1);

        assertThat(json(send(get("/api/dashboards"), null)).valueStream().map(d -> d.get("name").asString()).toList())
                .contains("Operations");
        assertThat(send(delete("/api/dashboards/" + id), null).getResponse().getStatus()).isEqualTo(204);
        MvcResult gone = send(get("/api/dashboards/" + id), null);
        assertThat(gone.getResponse().getStatus()).isEqualTo(404);
        Replies.error(gone);
    }

    @Test
    void invalidTilesAndOrdersAre400() throws Exception {
        long id = json(send(post("/api/dashboards"), "{\"name\": \"Bad\"}")).get("id").asLong();
        MvcResult unknown = send(post("/api/dashboards/" + id + "/tiles"),
                "{\"title\": \"x\", \"request\": {\"metrics\": [\"visitz\"]}}");
        assertThat(unknown.getResponse().getStatus()).isEqualTo(400);
        assertThat(Replies.error(unknown).get("field").asString()).isEqualTo("metrics");
        MvcResult chart = send(post("/api/dashboards/" + id + "/tiles"),
                "{\"title\": \"x\", \"chartType\": \"pie\", \"request\": " + JANUARY_CHARGES + "}");
        assertThat(chart.getResponse().getStatus()).isEqualTo(400);
        Replies.error(chart);
        MvcResult order = send(put("/api/dashboards/" + id + "/order"), "{\"tileIds\": [12345]}");
        assertThat(order.getResponse().getStatus()).isEqualTo(400);
        Replies.error(order);
        MvcResult blank = send(post("/api/dashboards"), "{\"name\": \" \"}");
        assertThat(blank.getResponse().getStatus()).isEqualTo(400);
        Replies.error(blank);
        // The failed requests rolled back only their own work: the dashboard is still there, without tiles.
        assertThat(json(send(get("/api/dashboards/" + id), null)).get("tiles").size()).isZero();
    }

    @Test
    void explorationLifecycle() throws Exception {
        MvcResult created = send(post("/api/explorations"),
                "{\"name\": \"January\", \"chartType\": \"bar\", \"request\": " + JANUARY_BY_LOCATION + "}");
        assertThat(created.getResponse().getStatus()).isEqualTo(201);
        long id = json(created).get("id").asLong();
        assertThat(json(created).get("request").get("metrics").get(0).asString()).isEqualTo("visits");

        MvcResult updated = send(put("/api/explorations/" + id),
                "{\"name\": \"January charges\", \"chartType\": \"table\", \"request\": " + JANUARY_CHARGES + "}");
        assertThat(json(updated).get("name").asString()).isEqualTo("January charges");
        assertThat(json(updated).get("request").get("metrics").get(0).asString()).isEqualTo("charges");
        assertThat(json(send(get("/api/explorations"), null)).valueStream().map(e -> e.get("name").asString()).toList())
                .contains("January charges");

        MvcResult invalid = send(put("/api/explorations/" + id), "{\"name\": \"x\", \"request\": {\"metrics\": [\"nope\"]}}");
        assertThat(invalid.getResponse().getStatus()).isEqualTo(400);
        Replies.error(invalid);

        assertThat(send(delete("/api/explorations/" + id), null).getResponse().getStatus()).isEqualTo(204);
        MvcResult gone = send(get("/api/explorations/" + id), null);
        assertThat(gone.getResponse().getStatus()).isEqualTo(404);
        Replies.error(gone);
    }

    private static long lastTile(MvcResult r) throws Exception {
        JsonNode tiles = json(r).get("tiles");
        return tiles.get(tiles.size() - 1).get("id").asLong();
    }

    private static List<String> titles(JsonNode dashboard) {
        return dashboard.get("tiles").valueStream().map(t -> t.get("title").asString()).toList();
    }
}
