package org.caseload.app.kit;

import static org.springframework.http.MediaType.APPLICATION_JSON;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import java.util.Set;
import org.caseload.app.user.Role;
import org.caseload.app.user.UserService;
import org.caseload.testkit.CaseloadTest;
import org.caseload.testkit.fixtures.Fixtures;
import org.caseload.testkit.fixtures.Location;
import org.caseload.testkit.fixtures.Staff;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/** The example of caseload-testkit's README, as written there (plus the SQL log level, to share @AppTest's context). */
@CaseloadTest(properties = {"caseload.demo=true", "logging.level.caseload.analytics.sql=warn"})
@AutoConfigureMockMvc
class ReadmeExampleTest {
    @Autowired MockMvc mvc;
    @Autowired UserService users;

    @BeforeEach
    void data(Fixtures fixtures) {
        Location riverside = fixtures.location().name("Riverside").create();
        Staff ann = fixtures.staff().name("Ann Lee").home(riverside).create();
        fixtures.visit().at(riverside).staff(ann).scheduledAt("2024-01-10 09:00").completed(30).charge("120.00").create();
        fixtures.visit().at(riverside).staff(ann).scheduledAt("2024-01-10 10:00").noShow().create();
        fixtures.shift().staff(ann).at(riverside).startedAt("2024-01-10 08:00").hours(8).cost("800.00").create();
        users.create("ann", "secret-pw", Role.ANALYST, Set.of());
    }

    @Test
    void charges() throws Exception {
        mvc.perform(post("/api/query").with(httpBasic("ann", "secret-pw")).contentType(APPLICATION_JSON)
                .content("{\"metrics\": [\"charges\", \"no_show_rate\"]}"))
            .andExpect(jsonPath("$.rows[0][0]").value(120.00))   // the one completed visit
            .andExpect(jsonPath("$.rows[0][1]").value(0.5));     // 1 no-show / 2 booked
    }
}
