package org.caseload.app.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caseload.app.support.Users.ANALYST;
import static org.caseload.app.support.Users.MANAGER;
import static org.caseload.app.support.Users.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.ArrayList;
import java.util.List;
import org.caseload.app.support.AppTest;
import org.caseload.app.support.Replies;
import org.caseload.app.support.Users;
import org.caseload.app.user.UserService;
import org.caseload.testkit.fixtures.Fixtures;
import org.caseload.testkit.fixtures.Location;
import org.caseload.testkit.fixtures.Staff;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;

/**
 * GET /api/outliers and /api/scores over five clinics: four whose visits last 20, 21, 22 and 23
 * minutes and one whose visits last 60. Each clinic has 30 completed visits (the minimum volume).
 */
@AppTest
class InsightApiTest {
    @Autowired MockMvc mvc;
    @Autowired UserService users;
    List<Location> clinics = new ArrayList<>();

    @BeforeEach
    void data(Fixtures fixtures) {
        int[] minutes = {20, 21, 22, 23, 60};
        for (int i = 0; i < minutes.length; i++) {
            Location l = fixtures.location().name("Clinic " + (char) ('A' + i)).create();
            Staff s = fixtures.staff().home(l).create();
            for (int v = 0; v < 30; v++) {
                fixtures.visit().at(l).staff(s).scheduledAt("2024-03-" + String.format("%02d", 1 + v % 28) + " 09:00")
                        .completed(minutes[i]).create();
            }
            clinics.add(l);
        }
        Users.create(users, clinics.get(4).id());
    }

    @Test
    void theLongVisitClinicIsFlaggedAndExplained() throws Exception {
        MvcResult r = mvc.perform(get("/api/outliers").with(as(ANALYST))
                .param("metric", "avg_visit_minutes").param("by", "location")).andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(200);
        JsonNode flags = Replies.tree(r.getResponse().getContentAsString()).get("flags");
        // Median 22, MAD = median(|20-22|, |21-22|, 0, 1, 38) = 1, so z = 0.6745 · 38 / 1 ≈ 25.6; the others stay under 3.5.
        assertThat(flags).hasSize(1);
        JsonNode f = flags.get(0);
        assertThat(f.get("entity").asString()).isEqualTo("Clinic E");
        assertThat(f.get("value").asDouble()).isEqualTo(60.0);
        assertThat(f.get("expected").asDouble()).isEqualTo(22.0);
        assertThat(f.get("z").asDouble()).isCloseTo(0.6745 * 38, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(f.get("explanation").asString()).startsWith("Average visit length at Clinic E, all dates: 60.0 min vs peer median 22.0 min (+173%, z = 25.6)");
    }

    @Test
    void aManagerSeesOnlyTheGrantedClinicInScoresAndOutliers() throws Exception {
        MvcResult scores = mvc.perform(get("/api/scores").with(as(MANAGER)).param("score", "efficiency").param("by", "location")).andReturn();
        assertThat(scores.getResponse().getStatus()).isEqualTo(200);
        JsonNode rows = Replies.tree(scores.getResponse().getContentAsString());
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("entityKey").asString()).isEqualTo(clinics.get(4).id());
        // Alone in its peer group, nobody to stand out from: no flags, and no rows of other clinics.
        MvcResult outliers = mvc.perform(get("/api/outliers").with(as(MANAGER)).param("metric", "avg_visit_minutes").param("by", "location")).andReturn();
        assertThat(Replies.tree(outliers.getResponse().getContentAsString()).get("flags")).isEmpty();
    }

    @Test
    void badParametersAreJsonErrors() throws Exception {
        MvcResult r = mvc.perform(get("/api/outliers").with(as(ANALYST)).param("metric", "avg_visit_minuts").param("by", "location")).andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(400);
        JsonNode e = Replies.tree(r.getResponse().getContentAsString());
        assertThat(e.get("field").asString()).isEqualTo("metric");
        assertThat(e.get("hint").asString()).isEqualTo("did you mean 'avg_visit_minutes'?");
        MvcResult m = mvc.perform(get("/api/outliers").with(as(ANALYST)).param("metric", "visits").param("by", "location").param("method", "zscore")).andReturn();
        assertThat(m.getResponse().getStatus()).isEqualTo(400);
        assertThat(Replies.tree(m.getResponse().getContentAsString()).get("field").asString()).isEqualTo("method");
    }
}
