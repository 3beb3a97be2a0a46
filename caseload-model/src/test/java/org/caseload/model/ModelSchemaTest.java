package org.caseload.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.caseload.model.expr.Functions;
import org.caseload.model.warehouse.Table;
import org.caseload.model.warehouse.WarehouseSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * caseload-model.schema.json lets editors check and complete model files. It must accept the default
 * model, reject the mistakes the loader rejects (where a schema can see them), and stay in step with
 * the code's lists of tables, aggregations, directions, formats and functions.
 */
class ModelSchemaTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            b -> b.schemaRegistryConfig(SchemaRegistryConfig.builder().pathType(PathType.JSON_POINTER).build()));
    private static final JsonNode SCHEMA_JSON = read(JSON, ModelLoader.jsonSchema());
    private static final Schema SCHEMA = REGISTRY.getSchema(ModelLoader.jsonSchema(), InputFormat.JSON);

    /** A small model that both the schema and the loader accept; the broken models below each change one thing. */
    private static final String VALID = """
            name: small
            currency: EUR
            facts:
              visits:
                table: visits
                time: scheduled_at
                joins:
                  - { table: staff, on: staff_id }
                  - { table: role_groups, from: staff, on: role_group_id }
                measures:
                  completed_visits: { agg: count, filter: "status = 'completed'" }
                  wait_p90: { agg: percentile, percentile: 0.9, expr: "minutes_between(checked_in_at, started_at)" }
            dimensions:
              role_group:
                label: Role group
                description: The staff member's role group.
                table: role_groups
                key: role_group_id
                display: name
            metrics:
              visits:
                label: Visits
                description: Completed visits.
                format: integer
                direction: higher_is_better
                measure: completed_visits
              visits_per_day:
                label: Visits per day
                description: Completed visits per 30-day month, roughly.
                format: decimal_1
                formula: visits / 30
            scores:
              busy:
                label: Busy
                description: Visits against peers in the same role group.
                within: role_group
                normalization: robust_z
                min_volume: { metric: visits, at_least: 10 }
                components:
                  - { metric: visits, weight: 2 }
                  - { metric: visits_per_day, direction: higher_is_better }
              overall:
                label: Overall
                description: Busy, and nothing else yet.
                components:
                  - { score: busy }
            """;

    private static JsonNode read(ObjectMapper mapper, String text) {
        try {
            return mapper.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<com.networknt.schema.Error> schemaErrors(String yaml) {
        return SCHEMA.validate(read(YAML, yaml));
    }

    private static String defaultModelText() {
        try (InputStream in = ModelLoader.class.getResourceAsStream(ModelLoader.DEFAULT_RESOURCE)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode def(String name) {
        return SCHEMA_JSON.get("$defs").get(name);
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    // --- the schema is a valid draft 2020-12 schema ---

    @Test
    void declaresDraft2020_12() {
        assertThat(SCHEMA_JSON.get("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
    }

    @Test
    void isValidAgainstTheDraft2020_12MetaSchema() {
        Schema meta = REGISTRY.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
        assertThat(meta.validate(SCHEMA_JSON)).isEmpty();
    }

    @Test
    void usesOnlyKeywordsThatExist() {
        // The meta-schema allows unknown keywords, so a misspelt "additionalProperty" would pass unnoticed.
        Set<String> keywords = Set.of("$schema", "$defs", "$ref", "title", "description", "type", "properties",
                "additionalProperties", "propertyNames", "required", "enum", "const", "pattern", "minLength",
                "minProperties", "minItems", "items", "oneOf", "allOf", "not", "if", "then", "default", "examples",
                "exclusiveMinimum", "exclusiveMaximum");
        Set<String> used = new TreeSet<>();
        collectKeywords(SCHEMA_JSON, used);
        assertThat(used).isSubsetOf(keywords);
    }

    /** Keywords of a schema object, recursing into subschemas (not into the names under properties or $defs). */
    private static void collectKeywords(JsonNode schema, Set<String> out) {
        schema.fieldNames().forEachRemaining(out::add);
        schema.fields().forEachRemaining(e -> {
            switch (e.getKey()) {
                case "properties", "$defs" -> e.getValue().forEach(s -> collectKeywords(s, out));
                case "oneOf", "allOf" -> e.getValue().forEach(s -> collectKeywords(s, out));
                case "additionalProperties", "propertyNames", "items", "not", "if", "then" -> {
                    if (e.getValue().isObject()) collectKeywords(e.getValue(), out);
                }
                default -> { }
            }
        });
    }

    // --- the schema and the loader agree ---

    @Test
    void theDefaultModelIsValid() {
        assertThat(schemaErrors(defaultModelText())).isEmpty();
    }

    @Test
    void theSmallModelIsValidAndLoads() {
        assertThat(schemaErrors(VALID)).isEmpty();
        SemanticModel small = ModelLoader.parse("small.yaml", VALID);
        assertThat(small.metrics()).containsOnlyKeys("visits", "visits_per_day");
        assertThat(small.scores()).containsOnlyKeys("busy", "overall");
    }

    @Test
    void theSchemasDefaultsAreTheLoadersDefaults() {
        // In the small model, visits_per_day says no direction, busy's second component no weight,
        // and overall no normalization.
        SemanticModel small = ModelLoader.parse("small.yaml", VALID);
        assertThat(small.metric("visits_per_day").orElseThrow().direction().yamlName())
                .isEqualTo(def("metric").at("/properties/direction/default").asText());
        assertThat(small.score("busy").orElseThrow().components().get(1).weight())
                .isEqualTo(def("score_component").at("/properties/weight/default").asDouble());
        assertThat(small.score("overall").orElseThrow().normalization().yamlName())
                .isEqualTo(def("score").at("/properties/normalization/default").asText());
    }

    static Stream<Arguments> brokenModels() {
        return Stream.of(
                Arguments.of("unknown top-level key", VALID.replace("metrics:", "metric:"),
                        "additionalProperties", ""),
                Arguments.of("unknown key in a metric", VALID.replace("    format: integer\n", "    format: integer\n    unit: visits\n"),
                        "additionalProperties", "/metrics/visits"),
                Arguments.of("unknown key in a join", VALID.replace("{ table: staff, on: staff_id }", "{ table: staff, column: staff_id }"),
                        "additionalProperties", "/facts/visits/joins/0"),
                Arguments.of("bad format", VALID.replace("format: integer", "format: integr"),
                        "pattern", "/metrics/visits/format"),
                Arguments.of("decimals out of range", VALID.replace("format: decimal_1", "format: decimal_7"),
                        "pattern", "/metrics/visits_per_day/format"),
                Arguments.of("both measure and formula", VALID.replace("measure: completed_visits", "measure: completed_visits\n    formula: completed_visits"),
                        "oneOf", "/metrics/visits"),
                Arguments.of("neither measure nor formula", VALID.replace("    formula: visits / 30\n", ""),
                        "oneOf", "/metrics/visits_per_day"),
                Arguments.of("metric without label", VALID.replace("    label: Visits\n", ""),
                        "required", "/metrics/visits"),
                Arguments.of("unknown direction", VALID.replace("    direction: higher_is_better\n", "    direction: up\n"),
                        "enum", "/metrics/visits/direction"),
                Arguments.of("unknown table", VALID.replace("table: visits", "table: vists"),
                        "enum", "/facts/visits/table"),
                Arguments.of("time column of another table", VALID.replace("time: scheduled_at", "time: shift_start"),
                        "enum", "/facts/visits/time"),
                Arguments.of("unknown aggregation", VALID.replace("agg: count", "agg: summ"),
                        "enum", "/facts/visits/measures/completed_visits/agg"),
                Arguments.of("percentile out of range", VALID.replace("percentile: 0.9", "percentile: 90"),
                        "exclusiveMaximum", "/facts/visits/measures/wait_p90/percentile"),
                Arguments.of("percentile missing", VALID.replace("percentile: 0.9, ", ""),
                        "required", "/facts/visits/measures/wait_p90"),
                Arguments.of("percentile on another aggregation", VALID.replace("agg: count,", "agg: count, percentile: 0.5,"),
                        "const", "/facts/visits/measures/completed_visits/agg"),
                Arguments.of("sum without expr", VALID.replace("agg: count", "agg: sum"),
                        "required", "/facts/visits/measures/completed_visits"),
                Arguments.of("dimension without key", VALID.replace("    key: role_group_id\n", ""),
                        "required", "/dimensions/role_group"),
                Arguments.of("lower-case currency", VALID.replace("currency: EUR", "currency: eur"),
                        "pattern", "/currency"),
                Arguments.of("metric name not snake_case", VALID.replace("  visits_per_day:", "  VisitsPerDay:"),
                        null, null),
                Arguments.of("measure name not snake_case", VALID.replace("completed_visits: {", "completed-visits: {"),
                        null, null),
                Arguments.of("dimension named like a time grain", VALID.replace("  role_group:", "  month:"),
                        null, null),
                // Scores
                Arguments.of("unknown key in a score", VALID.replace("    within: role_group\n", "    within: role_group\n    peers: all\n"),
                        "additionalProperties", "/scores/busy"),
                Arguments.of("unknown key in a score component", VALID.replace("{ metric: visits, weight: 2 }", "{ metric: visits, weight: 2, sign: 1 }"),
                        "additionalProperties", "/scores/busy/components/0"),
                Arguments.of("unknown key in a minimum volume", VALID.replace("at_least: 10", "at_least: 10, per: month"),
                        "additionalProperties", "/scores/busy/min_volume"),
                Arguments.of("score without label", VALID.replace("    label: Busy\n", ""),
                        "required", "/scores/busy"),
                Arguments.of("score without components", VALID.replace("    components:\n      - { score: busy }\n", ""),
                        "required", "/scores/overall"),
                Arguments.of("score with no components", VALID.replace("    components:\n      - { score: busy }\n", "    components: []\n"),
                        "minItems", "/scores/overall/components"),
                Arguments.of("component with both metric and score", VALID.replace("{ score: busy }", "{ score: busy, metric: visits }"),
                        "oneOf", "/scores/overall/components/0"),
                Arguments.of("component with neither metric nor score", VALID.replace("{ score: busy }", "{ weight: 1 }"),
                        "oneOf", "/scores/overall/components/0"),
                Arguments.of("weight 0", VALID.replace("weight: 2", "weight: 0"),
                        "exclusiveMinimum", "/scores/busy/components/0/weight"),
                Arguments.of("negative weight", VALID.replace("weight: 2", "weight: -1"),
                        "exclusiveMinimum", "/scores/busy/components/0/weight"),
                Arguments.of("weight not a number", VALID.replace("weight: 2", "weight: heavy"),
                        "type", "/scores/busy/components/0/weight"),
                Arguments.of("unknown component direction", VALID.replace("direction: higher_is_better }", "direction: up }"),
                        "enum", "/scores/busy/components/1/direction"),
                Arguments.of("neutral as a component direction", VALID.replace("direction: higher_is_better }", "direction: neutral }"),
                        "enum", "/scores/busy/components/1/direction"),
                Arguments.of("unknown normalization", VALID.replace("normalization: robust_z", "normalization: z_score"),
                        "enum", "/scores/busy/normalization"),
                Arguments.of("minimum volume not a number", VALID.replace("at_least: 10", "at_least: ten"),
                        "type", "/scores/busy/min_volume/at_least"),
                Arguments.of("minimum volume without at_least", VALID.replace(", at_least: 10", ""),
                        "required", "/scores/busy/min_volume"),
                Arguments.of("score name not snake_case", VALID.replace("  overall:", "  Overall:"),
                        null, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenModels")
    void aBrokenModelFailsBothTheSchemaAndTheLoader(String what, String yaml, String keyword, String location) {
        assertThat(yaml).as("the test changed something").isNotEqualTo(VALID);
        List<com.networknt.schema.Error> errors = schemaErrors(yaml);
        assertThat(errors).as("schema errors").isNotEmpty();
        if (keyword != null) {
            assertThat(errors).as("schema errors").anySatisfy(e -> {
                assertThat(e.getKeyword()).isEqualTo(keyword);
                assertThat(e.getInstanceLocation().toString()).isEqualTo(location);
            });
        }
        assertThatThrownBy(() -> ModelLoader.parse("broken.yaml", yaml)).isInstanceOf(ModelException.class);
    }

    /** Paths (in the small model) of every key the schema requires. */
    static Stream<String> requiredKeys() {
        return Stream.of("/facts", "/facts/visits/table", "/facts/visits/time", "/facts/visits/joins/0/table",
                "/facts/visits/joins/0/on", "/facts/visits/measures/completed_visits/agg",
                "/dimensions/role_group/label", "/dimensions/role_group/description", "/dimensions/role_group/table",
                "/dimensions/role_group/key", "/metrics/visits/label", "/metrics/visits/description",
                "/metrics/visits/format", "/scores/busy/label", "/scores/busy/description", "/scores/busy/components",
                "/scores/busy/min_volume/metric", "/scores/busy/min_volume/at_least");
    }

    @ParameterizedTest(name = "without {0}")
    @MethodSource("requiredKeys")
    void whatTheSchemaRequiresTheLoaderRequires(String path) throws IOException {
        JsonNode model = read(YAML, VALID);
        int slash = path.lastIndexOf('/');
        JsonNode parent = slash == 0 ? model : model.at(path.substring(0, slash));
        assertThat(parent.has(path.substring(slash + 1))).as(path + " exists in the small model").isTrue();
        ((ObjectNode) parent).remove(path.substring(slash + 1));

        assertThat(SCHEMA.validate(model)).anySatisfy(e -> assertThat(e.getKeyword()).isEqualTo("required"));
        String yaml = YAML.writeValueAsString(model);
        assertThatThrownBy(() -> ModelLoader.parse("broken.yaml", yaml)).isInstanceOf(ModelException.class);
    }

    @Test
    void theRequiredListsAreTheOnesTestedAbove() {
        assertThat(texts(SCHEMA_JSON.get("required"))).containsExactly("facts");
        assertThat(texts(def("fact").get("required"))).containsExactly("table", "time");
        assertThat(texts(def("join").get("required"))).containsExactly("table", "on");
        assertThat(texts(def("measure").get("required"))).containsExactly("agg");
        assertThat(texts(def("dimension").get("required"))).containsExactly("label", "description", "table", "key");
        assertThat(texts(def("metric").get("required"))).containsExactly("label", "description", "format");
        assertThat(texts(def("score").get("required"))).containsExactly("label", "description", "components");
        assertThat(texts(def("min_volume").get("required"))).containsExactly("metric", "at_least");
        assertThat(def("score_component").has("required")).as("score_component: oneOf metric or score instead").isFalse();
    }

    @Test
    void theDefaultModelUsesEveryKeyTheSchemaDefines() {
        // clinic.yaml loads, so this shows the loader accepts every key the schema offers in completion.
        JsonNode model = read(YAML, defaultModelText());
        assertThat(keysOf(List.of(model))).containsAll(names(SCHEMA_JSON.get("properties")));
        List<JsonNode> facts = values(model.get("facts"));
        assertThat(keysOf(facts)).containsAll(names(def("fact").get("properties")));
        assertThat(keysOf(facts.stream().flatMap(f -> values(f.get("joins")).stream()).toList()))
                .containsAll(names(def("join").get("properties")));
        assertThat(keysOf(facts.stream().flatMap(f -> values(f.get("measures")).stream()).toList()))
                .containsAll(names(def("measure").get("properties")));
        assertThat(keysOf(values(model.get("dimensions")))).containsAll(names(def("dimension").get("properties")));
        assertThat(keysOf(values(model.get("metrics")))).containsAll(names(def("metric").get("properties")));
    }

    /**
     * Score keys clinic.yaml leaves out because they would change its scores: a peer group is chosen per
     * report (--within), percentile_rank is the default, and every component's metric has a direction.
     * The small model, which loads too, writes them instead.
     */
    private static final Set<String> SCORE_KEYS_ONLY_THE_SMALL_MODEL_USES = Set.of("within", "normalization", "direction");

    @Test
    void theDefaultAndTheSmallModelTogetherUseEveryScoreKey() {
        JsonNode clinic = read(YAML, defaultModelText());
        JsonNode small = read(YAML, VALID);
        List<JsonNode> scores = new ArrayList<>(values(clinic.get("scores")));
        scores.addAll(values(small.get("scores")));
        List<JsonNode> components = scores.stream().flatMap(s -> values(s.get("components")).stream()).toList();
        List<JsonNode> minVolumes = scores.stream().filter(s -> s.has("min_volume")).map(s -> s.get("min_volume")).toList();
        assertThat(keysOf(scores)).containsAll(names(def("score").get("properties")));
        assertThat(keysOf(components)).containsAll(names(def("score_component").get("properties")));
        assertThat(keysOf(minVolumes)).containsAll(names(def("min_volume").get("properties")));

        List<JsonNode> clinicScores = values(clinic.get("scores"));
        Set<String> clinicKeys = keysOf(clinicScores);
        clinicKeys.addAll(keysOf(clinicScores.stream().flatMap(s -> values(s.get("components")).stream()).toList()));
        clinicKeys.addAll(keysOf(clinicScores.stream().filter(s -> s.has("min_volume")).map(s -> s.get("min_volume")).toList()));
        Set<String> offered = names(def("score").get("properties"));
        offered.addAll(names(def("score_component").get("properties")));
        offered.addAll(names(def("min_volume").get("properties")));
        offered.removeAll(clinicKeys);
        assertThat(offered).as("score keys clinic.yaml does not use").isSubsetOf(SCORE_KEYS_ONLY_THE_SMALL_MODEL_USES);
    }

    private static List<JsonNode> values(JsonNode container) {
        List<JsonNode> out = new ArrayList<>();
        container.forEach(out::add);
        return out;
    }

    private static Set<String> names(JsonNode object) {
        Set<String> out = new HashSet<>();
        object.fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static Set<String> keysOf(List<JsonNode> objects) {
        Set<String> out = new HashSet<>();
        objects.forEach(o -> out.addAll(names(o)));
        return out;
    }

    @Test
    void everyObjectForbidsUnknownKeys() {
        assertThat(SCHEMA_JSON.get("additionalProperties").asBoolean(true)).isFalse();
        for (String d : List.of("fact", "join", "measure", "dimension", "metric", "score", "score_component", "min_volume")) {
            assertThat(def(d).get("additionalProperties").isBoolean()).as(d).isTrue();
            assertThat(def(d).get("additionalProperties").asBoolean()).as(d).isFalse();
        }
    }

    // --- the schema and the code list the same things ---

    @Test
    void tablesAreTheWarehouseTables() {
        assertThat(texts(def("table").get("enum")))
                .containsExactlyElementsOf(WarehouseSchema.TABLES.stream().map(Table::name).toList());
    }

    @Test
    void timeColumnsAreTheTimestampColumnsOfTheirTable() {
        for (JsonNode rule : def("fact").get("allOf")) {
            String table = rule.at("/if/properties/table/const").asText();
            List<String> timestamps = WarehouseSchema.table(table).orElseThrow().columns().stream()
                    .filter(c -> c.type() == org.caseload.model.warehouse.ColumnType.TIMESTAMP)
                    .map(org.caseload.model.warehouse.Column::name).toList();
            assertThat(texts(rule.at("/then/properties/time/enum"))).as(table).containsExactlyElementsOf(timestamps);
        }
    }

    @Test
    void aggregationsAreTheLoadersAggregations() {
        assertThat(texts(def("measure").at("/properties/agg/enum")))
                .containsExactlyElementsOf(Arrays.stream(Aggregation.values()).map(Aggregation::yamlName).toList());
    }

    @Test
    void directionsAreTheLoadersDirections() {
        assertThat(texts(def("metric").at("/properties/direction/enum")))
                .containsExactlyElementsOf(Arrays.stream(Direction.values()).map(Direction::yamlName).toList());
    }

    @Test
    void componentDirectionsAreTheLoadersDirectionsButNeutral() {
        // A score needs to know which way is better, so a component cannot be neutral.
        assertThat(texts(def("score_component").at("/properties/direction/enum")))
                .containsExactlyElementsOf(Arrays.stream(Direction.values()).filter(d -> d != Direction.NEUTRAL)
                        .map(Direction::yamlName).toList());
    }

    @Test
    void normalizationsAreTheLoadersNormalizations() {
        assertThat(texts(def("score").at("/properties/normalization/enum")))
                .containsExactlyElementsOf(Arrays.stream(Score.Normalization.values()).map(Score.Normalization::yamlName).toList());
    }

    @Test
    void reservedDimensionNamesAreTheTimeGrains() {
        List<String> reserved = new ArrayList<>(List.of("time"));
        Arrays.stream(Grain.values()).map(Grain::yamlName).forEach(reserved::add);
        assertThat(texts(SCHEMA_JSON.at("/properties/dimensions/propertyNames/not/enum")))
                .containsExactlyInAnyOrderElementsOf(reserved);
    }

    @ParameterizedTest
    @ValueSource(strings = {"integer", "minutes", "currency", "currency_EUR", "currency_JPY", "decimal_0", "decimal_6",
            "percent_0", "percent_1", "percent_6", "decimal_7", "percent", "decimal", "integr", "integer_USD",
            "minutes_EUR", "currency_usd", "currency_EURO", "Decimal_2", "percent_10", "", " integer"})
    void theFormatPatternAcceptsWhatTheLoaderAccepts(String format) {
        Pattern pattern = Pattern.compile(def("metric").at("/properties/format/pattern").asText());
        assertThat(pattern.matcher(format).find()).isEqualTo(Format.parse(format, "USD").isPresent());
    }

    // --- the schema helps people who write models ---

    @Test
    void everyPropertyHasATitleAndADescription() {
        List<String> missing = new ArrayList<>();
        checkProperties("", SCHEMA_JSON, missing);
        SCHEMA_JSON.get("$defs").fields().forEachRemaining(e -> checkProperties("$defs/" + e.getKey(), e.getValue(), missing));
        assertThat(missing).isEmpty();
    }

    private static void checkProperties(String where, JsonNode schema, List<String> missing) {
        JsonNode properties = schema.get("properties");
        if (properties == null) return;
        properties.fields().forEachRemaining(e -> {
            for (String k : List.of("title", "description")) {
                if (!e.getValue().hasNonNull(k) || e.getValue().get(k).asText().isBlank()) {
                    missing.add(where + "/" + e.getKey() + " has no " + k);
                }
            }
        });
    }

    @Test
    void everyExpressionDescriptionListsTheFunctions() {
        List<JsonNode> expressions = new ArrayList<>(List.of(def("expression")));
        for (String d : List.of("measure", "dimension")) {
            def(d).get("properties").forEach(p -> {
                if ("#/$defs/expression".equals(p.path("$ref").asText())) expressions.add(p);
            });
        }
        assertThat(expressions).hasSize(5); // expression itself; expr, filter; key, display
        for (JsonNode e : expressions) {
            for (Functions.Signature f : Functions.all().values()) {
                assertThat(e.get("description").asText()).contains(f.description());
            }
        }
    }

    @Test
    void theFormulaDescriptionListsTheFunctionsFormulasMayUse() {
        String description = def("metric").at("/properties/formula/description").asText();
        for (String f : List.of("coalesce", "nullif", "abs", "round", "greatest", "least")) {
            assertThat(description).contains(f + "(");
        }
    }

    @Test
    void namesAreLowerSnakeCase() {
        assertThat(def("name").get("pattern").asText()).isEqualTo("^[a-z][a-z0-9_]*$");
        for (String container : List.of("facts", "dimensions", "metrics", "scores")) {
            assertThat(SCHEMA_JSON.at("/properties/" + container + "/propertyNames/$ref").asText())
                    .isEqualTo("#/$defs/name");
        }
        assertThat(def("fact").at("/properties/measures/propertyNames/$ref").asText()).isEqualTo("#/$defs/name");
        // Names that refer to names: a score's dimension and metrics, and the scores it builds on.
        assertThat(def("score").at("/properties/within/$ref").asText()).isEqualTo("#/$defs/name");
        for (String ref : List.of("metric", "score")) {
            assertThat(def("score_component").at("/properties/" + ref + "/$ref").asText()).isEqualTo("#/$defs/name");
        }
        assertThat(def("min_volume").at("/properties/metric/$ref").asText()).isEqualTo("#/$defs/name");
    }

    @Test
    void theDefaultModelPointsEditorsAtTheSchema() {
        assertThat(defaultModelText()).startsWith("# yaml-language-server: $schema=caseload-model.schema.json\n");
    }

    @Test
    void theSchemaIsShippedNextToTheLoader() {
        assertThat(ModelLoader.class.getResource("caseload-model.schema.json")).isNotNull();
        assertThat(read(JSON, ModelLoader.jsonSchema())).isEqualTo(SCHEMA_JSON);
    }
}
