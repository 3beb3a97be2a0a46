package org.caseload.app.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** Reads API replies: a query reply's rows as maps by column name, and error bodies. */
public final class Replies {
    public static final ObjectMapper JSON = JsonMapper.builder().build();

    private Replies() {}

    public static JsonNode tree(String body) {
        return JSON.readTree(body);
    }

    /** The {@code rows} of a query reply keyed by the names in {@code columns}. */
    public static List<Map<String, JsonNode>> rows(JsonNode reply) {
        List<String> names = new ArrayList<>();
        reply.get("columns").forEach(c -> names.add(c.get("name").asString()));
        List<Map<String, JsonNode>> out = new ArrayList<>();
        for (JsonNode row : reply.get("rows")) {
            Map<String, JsonNode> m = new LinkedHashMap<>();
            for (int i = 0; i < names.size(); i++) m.put(names.get(i), row.get(i));
            out.add(m);
        }
        return out;
    }

    public static List<Map<String, JsonNode>> rows(String body) {
        return rows(tree(body));
    }

    /** An error body: exactly error, field and hint, a non-blank error, and no stack trace. */
    public static JsonNode error(MvcResult r) throws Exception {
        String body = r.getResponse().getContentAsString();
        assertNoStackTrace(body);
        JsonNode e = tree(body);
        assertThat(e.propertyNames()).containsExactlyInAnyOrder("error", "field", "hint");
        assertThat(e.get("error").asString()).isNotBlank();
        return e;
    }

    public static void assertNoStackTrace(String body) {
        assertThat(body).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("at org.").doesNotContain("at java.")
                .doesNotContainIgnoringCase("stacktrace");
    }
}
