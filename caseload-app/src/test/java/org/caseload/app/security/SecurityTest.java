package org.caseload.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caseload.app.support.Users.ADMIN;
import static org.caseload.app.support.Users.MANAGER;
import static org.caseload.app.support.Users.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.caseload.app.support.AppTest;
import org.caseload.app.support.Replies;
import org.caseload.app.support.Users;
import org.caseload.app.user.UserService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;

/** Authentication, roles and CSRF on both filter chains, with real users (bcrypt hashes in the app database). */
@AppTest
class SecurityTest {
    @Autowired MockMvc mvc;
    @Autowired UserService users;

    @BeforeEach
    void users() {
        Users.create(users, "L1");
    }

    private static JsonNode jsonError(MvcResult r, int status) throws Exception {
        assertThat(r.getResponse().getStatus()).isEqualTo(status);
        assertThat(r.getResponse().getContentType()).startsWith("application/json");
        return Replies.error(r);
    }

    @Test
    void unauthenticatedApiIs401Json() throws Exception {
        for (String path : new String[] {"/api/metrics", "/api/dashboards", "/api/query.csv?metrics=visits"}) {
            JsonNode e = jsonError(mvc.perform(get(path)).andReturn(), 401);
            assertThat(e.get("error").asString()).isEqualTo("authentication required");
        }
        // A POST without credentials (and without a session) is 401 as well, not a CSRF 403.
        assertThat(jsonError(mvc.perform(post("/api/query").contentType(MediaType.APPLICATION_JSON)
                .content("{\"metrics\": [\"visits\"]}")).andReturn(), 401).get("error").asString()).isEqualTo("authentication required");
    }

    @Test
    void wrongPasswordIs401Json() throws Exception {
        jsonError(mvc.perform(get("/api/metrics").with(httpBasic(ADMIN, "not the password"))).andReturn(), 401);
        jsonError(mvc.perform(get("/api/metrics").with(httpBasic("nobody", "whatever"))).andReturn(), 401);
    }

    @Test
    void managerIsForbiddenFromAdminApiAndPages() throws Exception {
        JsonNode e = jsonError(mvc.perform(get("/api/admin/users").with(as(MANAGER))).andReturn(), 403);
        assertThat(e.get("error").asString()).isEqualTo("forbidden");
        // The UI chain has form login; a signed-in manager (session) is refused the admin pages.
        for (String page : new String[] {"/admin", "/admin/users", "/admin/audit"}) {
            MvcResult r = mvc.perform(get(page).with(user(MANAGER).roles("MANAGER"))).andReturn();
            assertThat(r.getResponse().getStatus()).as(page).isEqualTo(403);
            Replies.assertNoStackTrace(r.getResponse().getContentAsString());
        }
        // An admin gets the users page.
        assertThat(mvc.perform(get("/admin/users").with(user(ADMIN).roles("ADMIN"))).andReturn().getResponse().getStatus())
                .isEqualTo(200);
    }

    @Test
    void uiPagesNeedASignedInUser() throws Exception {
        MvcResult r = mvc.perform(get("/")).andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(302);
        assertThat(r.getResponse().getRedirectedUrl()).endsWith("/login");
        assertThat(mvc.perform(get("/login")).andReturn().getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    void uiFormsNeedTheCsrfToken() throws Exception {
        // Logout without the token is refused; with it, it works.
        assertThat(mvc.perform(post("/logout").with(user(MANAGER).roles("MANAGER"))).andReturn().getResponse().getStatus())
                .isEqualTo(403);
        MvcResult out = mvc.perform(post("/logout").with(user(MANAGER).roles("MANAGER")).with(csrf())).andReturn();
        assertThat(out.getResponse().getStatus()).isEqualTo(302);
        assertThat(out.getResponse().getRedirectedUrl()).contains("/login");
        // An admin form (create a user) without the token is refused, even for an admin.
        MvcResult noToken = mvc.perform(post("/admin/users").with(user(ADMIN).roles("ADMIN"))
                .param("username", "eve").param("password", "pw-pw-pw-pw").param("role", "ANALYST")).andReturn();
        assertThat(noToken.getResponse().getStatus()).isEqualTo(403);
        assertThat(users.find("eve")).isEmpty();
        // The login form itself is a form too.
        assertThat(mvc.perform(post("/login").param("username", ADMIN).param("password", Users.PASSWORD)).andReturn()
                .getResponse().getStatus()).isEqualTo(403);
        MvcResult login = mvc.perform(post("/login").param("username", ADMIN).param("password", Users.PASSWORD).with(csrf()))
                .andReturn();
        assertThat(login.getResponse().getStatus()).isEqualTo(302);
        assertThat(login.getResponse().getRedirectedUrl()).doesNotContain("error");
    }

    @Test
    void httpBasicOnTheApiNeedsNoCsrfButASessionDoes() throws Exception {
        MvcResult basic = mvc.perform(post("/api/dashboards").with(as(ADMIN)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"Basic\"}")).andReturn();
        assertThat(basic.getResponse().getStatus()).isEqualTo(201);
        assertThat(Replies.tree(basic.getResponse().getContentAsString()).get("name").asString()).isEqualTo("Basic");
        // A browser session (signed in by the form, no Authorization header) must send the token on the API as well.
        MvcResult login = mvc.perform(post("/login").param("username", ADMIN).param("password", Users.PASSWORD).with(csrf()))
                .andReturn();
        MockHttpSession session = (MockHttpSession) login.getRequest().getSession(false);
        assertThat(session).isNotNull();
        MvcResult noToken = mvc.perform(post("/api/dashboards").session(session)
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"Session\"}")).andReturn();
        jsonError(noToken, 403);
        MvcResult withToken = mvc.perform(post("/api/dashboards").session(session).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"Session\"}")).andReturn();
        assertThat(withToken.getResponse().getStatus()).isEqualTo(201);
    }
}
