package org.caseload.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every kind of mistake in a model file is reported as {@code file:line:column: message — hint}.
 * Lines and columns are 1-based; the comments above the expectations show how they were counted.
 */
class ModelLoaderTest {

    /** The problems of a model that must not load, as the user sees them. */
    static List<String> problemsOf(String yaml) {
        try {
            ModelLoader.parse("m.yaml", yaml);
        } catch (ModelException e) {
            assertThat(e.getMessage()).isEqualTo(String.join("\n", e.problems().stream().map(Problem::toString).toList()));
            return e.problems().stream().map(Problem::toString).toList();
        }
        return fail("the model loaded, but should not have:\n" + yaml);
    }

    @Test
    void aMinimalModelLoads() {
        SemanticModel model = ModelLoader.parse("m.yaml", """
                facts:
                  visits:
                    table: visits
                    time: scheduled_at
                    measures:
                      completed_visits: { agg: count, filter: "status = 'completed'" }
                metrics:
                  visits:
                    label: Visits
                    description: Completed visits.
                    format: integer
                    measure: completed_visits
                """);
        assertThat(model.name()).isEqualTo("model");
        assertThat(model.currency()).isEqualTo("USD");
        assertThat(model.metrics()).containsOnlyKeys("visits");
        assertThat(model.metric("visits").orElseThrow().direction()).isEqualTo(Direction.NEUTRAL);
        assertThat(model.measures().get("completed_visits").location()).isEqualTo(new SourceLocation("m.yaml", 6, 25));
    }

    @Test
    void aProblemCarriesItsLocationMessageAndHintSeparately() {
        ModelException e = assertThrows(ModelException.class,
                () -> ModelLoader.parse("m.yaml", """
                        facts:
                          visits:
                            table: vists
                            time: scheduled_at
                        """));
        assertThat(e.problems()).containsExactly(new Problem(new SourceLocation("m.yaml", 3, 12),
                "unknown table 'vists'", Optional.of("did you mean 'visits'?")));
    }

    @Test
    void severalProblemsAreReportedAtOnceInFileOrder() {
        // Line 6: 6 spaces, "completed_visits: " (18), "{ " (2), "agg: count, " (12), "filter: " (8) = 46 before
        // the quote, so the quote is column 47 and the expression text starts at 48.
        assertThat(problemsOf("""
                facts:
                  visits:
                    table: visits
                    time: scheduled_ta
                    measures:
                      completed_visits: { agg: count, filter: "stauts = 'completed'" }
                metrics:
                  visits:
                    label: Visits
                    description: Completed visits.
                    format: integr
                    measure: completed_visits
                  no_show_rate:
                    label: No-show rate
                    description: No-shows divided by booked visits.
                    format: percent_1
                    formula: no_shows / visits
                """)).containsExactly(
                "m.yaml:4:11: no column 'scheduled_ta' in table visits — did you mean 'scheduled_at'?",
                "m.yaml:6:48: no column 'stauts' in table visits — did you mean 'status'?",
                "m.yaml:11:13: unknown format 'integr' — did you mean 'integer'?",
                "m.yaml:17:14: formula of metric 'no_show_rate' refers to unknown metric or measure 'no_shows'");
    }

    @Nested
    class Loading {
        @Test
        void loadsAModelFromAFile(@TempDir Path dir) throws Exception {
            Path file = dir.resolve("clinic.yaml");
            Files.writeString(file, """
                    name: small
                    facts:
                      visits:
                        table: visits
                        time: scheduled_at
                    """);
            assertThat(ModelLoader.load(file).name()).isEqualTo("small");
            assertThat(ModelLoader.load(file).file()).isEqualTo(file.toString());
        }

        @Test
        void aMissingFileIsAProblemNotACrash(@TempDir Path dir) {
            Path file = dir.resolve("nope.yaml");
            ModelException e = assertThrows(ModelException.class,
                    () -> ModelLoader.load(file));
            assertThat(e.problems()).extracting(Problem::toString).containsExactly(file + ": no such file");
        }

        @Test
        void problemsNameTheFileTheyAreIn(@TempDir Path dir) throws Exception {
            Path file = dir.resolve("bad.yaml");
            Files.writeString(file, "colour: blue\nfacts: {}\n");
            ModelException e = assertThrows(ModelException.class,
                    () -> ModelLoader.load(file));
            assertThat(e.problems()).extracting(p -> p.location().file()).containsExactly(file.toString());
        }
    }

    @Nested
    class YamlSyntax {
        @Test
        void aTabUsedForIndentation() {
            assertThat(problemsOf("facts:\n\tvisits:\n    table: visits\n")).containsExactly(
                    "m.yaml:2:1: bad YAML: found character '\\t(TAB)' that cannot start any token."
                            + " (Do not use \\t(TAB) for indentation)");
        }

        @Test
        void aKeyIndentedLessThanItsSiblings() {
            // "time" sits at column 4, between the fact's keys (column 5) and the fact itself (column 3).
            assertThat(problemsOf("""
                    facts:
                      visits:
                        table: visits
                       time: scheduled_at
                    """)).containsExactly("m.yaml:4:4: bad YAML: expected <block end>, but found '<block mapping start>'"
                    + " (while parsing a block mapping started at line 2, column 3)");
        }

        @Test
        void anUnclosedQuoteSaysWhereTheQuoteBegan() {
            // The quoted scalar runs to the end of the file: line 3 is the empty line after the last break.
            assertThat(problemsOf("""
                    name: "clinic
                    facts: {}
                    """)).containsExactly("m.yaml:3:1: bad YAML: found unexpected end of stream"
                    + " (while scanning a quoted scalar started at line 1, column 7)");
        }

        @Test
        void aControlCharacterIsABadYamlProblemNotACrash() {
            // "name: clinic" is 12 characters, so the BEL is column 13.
            assertThat(problemsOf("name: clinic\u0007\nfacts: {}\n")).containsExactly(
                    "m.yaml:1:13: bad YAML: character U+0007 is not allowed in YAML (special characters are not allowed)");
        }

        @Test
        void anEmptyFile() {
            assertThat(problemsOf("")).containsExactly("m.yaml: the model file is empty");
        }

        @Test
        void aFileOfOnlyComments() {
            assertThat(problemsOf("# nothing yet\n\n")).containsExactly("m.yaml: the model file is empty");
        }

        @Test
        void aModelThatIsNotAMapping() {
            assertThat(problemsOf("- facts\n- metrics\n")).containsExactly(
                    "m.yaml:1:1: the model must be a mapping (key: value lines)");
        }
    }

    @Nested
    class Keys {
        @Test
        void anUnknownTopLevelKeySuggestsTheNearestKnownOne() {
            assertThat(problemsOf("""
                    facts:
                      visits:
                        table: visits
                        time: scheduled_at
                    metric:
                      visits: {}
                    """)).containsExactly("m.yaml:5:1: unknown key 'metric' in the model — did you mean 'metrics'?");
        }

        @Test
        void anUnknownKeyFarFromAnyListsTheAllowedOnesInOrder() {
            assertThat(problemsOf("""
                    colour: blue
                    facts: {}
                    """)).containsExactly("m.yaml:1:1: unknown key 'colour' in the model"
                    + " — allowed: currency, dimensions, facts, metrics, name, scores");
        }

        @Test
        void anUnknownKeyInsideAMetric() {
            // Line 7: 4 spaces, so the key is column 5.
            assertThat(problemsOf("""
                    facts:
                      visits: { table: visits, time: scheduled_at, measures: { n: { agg: count } } }
                    metrics:
                      visits:
                        label: Visits
                        description: Completed visits.
                        fromat: integer
                        format: integer
                        measure: n
                    """)).containsExactly("m.yaml:7:5: unknown key 'fromat' in metric 'visits' — did you mean 'format'?");
        }

        @Test
        void aDuplicateKey() {
            assertThat(problemsOf("""
                    facts:
                      visits:
                        table: visits
                        time: scheduled_at
                        time: started_at
                    """)).containsExactly("m.yaml:5:5: duplicate key 'time' in fact 'visits'");
        }

        @Test
        void aDuplicateName() {
            assertThat(problemsOf("""
                    facts:
                      visits: { table: visits, time: scheduled_at, measures: { n: { agg: count } } }
                    metrics:
                      visits: { label: Visits, description: All visits., format: integer, measure: n }
                      visits: { label: Visits, description: Visits again., format: integer, measure: n }
                    """)).containsExactly("m.yaml:5:3: duplicate key 'visits' in metrics");
        }

        @Test
        void namesMustBeLowerSnakeCase() {
            // Line 6: 6 spaces, so the measure's name is column 7; line 8: 2 spaces, column 3.
            assertThat(problemsOf("""
                    facts:
                      visits:
                        table: visits
                        time: scheduled_at
                        measures:
                          CompletedVisits: { agg: count }
                    metrics:
                      no-shows: { label: No-shows, description: Missed visits., format: integer, measure: CompletedVisits }
                    """)).containsExactly(
                    "m.yaml:6:7: name 'CompletedVisits' in fact 'visits' measures must be lower_snake_case"
                            + " (letters, digits, underscores; starting with a letter)",
                    "m.yaml:8:3: name 'no-shows' in metrics must be lower_snake_case"
                            + " (letters, digits, underscores; starting with a letter)");
        }

        @Test
        void aValueThatShouldBeSingleIsAList() {
            // Line 3: "    table: " is 11 characters, so the list starts at column 12.
            assertThat(problemsOf("""
                    facts:
                      visits:
                        table: [visits, shifts]
                        time: scheduled_at
                    """)).containsExactly("m.yaml:3:12: 'table' of fact 'visits' must be a single value, not a list");
        }

        @Test
        void theModelNeedsFacts() {
            assertThat(problemsOf("name: clinic\n")).containsExactly("m.yaml:1:1: the model needs 'facts'");
        }

        @Test
        void theCurrencyMustBeAnIsoCode() {
            assertThat(problemsOf("""
                    currency: ABC
                    facts: {}
                    """)).containsExactly("m.yaml:1:11: currency must be an ISO 4217 code such as USD or EUR");
            assertThat(problemsOf("""
                    currency: usd
                    facts: {}
                    """)).containsExactly("m.yaml:1:11: currency must be an ISO 4217 code such as USD or EUR");
        }
    }

    @Nested
    class Facts {
        @Test
        void anUnknownTableSuggestsTheNearestOne() {
            // "    table: " is 11 characters.
            assertThat(problemsOf("""
                    facts:
                      visits:
                        table: vists
                        time: scheduled_at
                    """)).containsExactly("m.yaml:3:12: unknown table 'vists' — did you mean 'visits'?");
        }

        @Test
        void theTimeColumnMustExist() {
            assertThat(problemsOf("""
                    facts:
                      visits:
                        table: visits
                        time: scheduled
                    """)).containsExactly("m.yaml:4:11: no column 'scheduled' in table visits — did you mean 'scheduled_at'?");
        }

        @Test
        void theTimeColumnMustBeATimestamp() {
            assertThat(problemsOf("""
                    facts:
                      visits:
                        table: visits
                        time: status
                    """)).containsExactly("m.yaml:4:11: time column 'status' must be a timestamp, not TEXT");
        }

        @Test
        void aFactNeedsTableAndTime() {
            // A block mapping starts at its first key: line 3, column 5.
            assertThat(problemsOf("""
                    facts:
                      visits:
                        description: No table, no time.
                    """)).containsExactly("m.yaml:3:5: fact 'visits' needs 'table'");
            assertThat(problemsOf("""
                    facts:
                      visits:
                        table: visits
                    """)).containsExactly("m.yaml:3:5: fact 'visits' needs 'time'");
        }

        @Test
        void aJoinFromATableNotJoinedYet() {
            // Line 6: 6 spaces, "- " (2), "{ " (2), "table: " (7), "role_groups" (11), ", " (2), "from: " (6) = 36.
            assertThat(problemsOf("""
                    facts:
                      visits:
                        table: visits
                        time: scheduled_at
                        joins:
                          - { table: role_groups, from: staff, on: role_group_id }
                          - { table: staff, on: staff_id }
                    """)).containsExactly(
                    "m.yaml:6:37: join from 'staff', which is neither the fact table nor joined before");
        }

        @Test
        void aMisspeltJoinFromSuggestsAJoinedTable() {
            assertThat(problemsOf("""
                    facts:
                      visits:
                        table: visits
                        time: scheduled_at
                        joins:
                          - { table: staff, on: staff_id }
                          - { table: role_groups, from: staf, on: role_group_id }
                    """)).containsExactly("m.yaml:7:37: join from 'staf', which is neither the fact table nor joined before"
                    + " — did you mean 'staff'?");
        }

        @Test
        void aJoinColumnMustExistInTheFromTable() {
            // Line 6: "      - { table: locations, on: " is 6 + 2 + 2 + 7 + 9 + 2 + 4 = 32 characters.
            assertThat(problemsOf("""
                    facts:
                      visits:
                        table: visits
                        time: scheduled_at
                        joins:
                          - { table: locations, on: locaton_id }
                    """)).containsExactly("m.yaml:6:33: no column 'locaton_id' in table visits — did you mean 'location_id'?");
        }

        @Test
        void aTableIsJoinedOnlyOnce() {
            assertThat(problemsOf("""
                    facts:
                      visits:
                        table: visits
                        time: scheduled_at
                        joins:
                          - { table: staff, on: staff_id }
                          - { table: staff, on: staff_id }
                    """)).containsExactly("m.yaml:7:18: table 'staff' is joined twice");
        }

        @Test
        void measureNamesAreGlobal() {
            assertThat(problemsOf("""
                    facts:
                      visits:
                        table: visits
                        time: scheduled_at
                        measures:
                          rows: { agg: count }
                      shifts:
                        table: shifts
                        time: started_at
                        measures:
                          rows: { agg: count }
                    """)).containsExactly("m.yaml:11:13: measure 'rows' is already defined in fact 'visits'; measure names are global");
        }
    }

    @Nested
    class ColumnsInExpressions {
        // In each model below the filter is on line 8, after "        filter: " (16 characters), and the
        // expression text "charge_amount > 0 and " is 22 characters long before the misspelt column.

        @Test
        void inAPlainScalar() {
            // The text starts at column 17; 17 + 22 = 39.
            assertThat(problemsOf("""
                    facts:
                      visits:
                        table: visits
                        time: scheduled_at
                        measures:
                          charged_visits:
                            agg: count
                            filter: charge_amount > 0 and stauts = 'completed'
                    """)).containsExactly("m.yaml:8:39: no column 'stauts' in table visits — did you mean 'status'?");
        }

        @Test
        void inADoubleQuotedScalar() {
            // The quote is column 17, the text starts at 18; 18 + 22 = 40.
            assertThat(problemsOf("""
                    facts:
                      visits:
                        table: visits
                        time: scheduled_at
                        measures:
                          charged_visits:
                            agg: count
                            filter: "charge_amount > 0 and stauts = 'completed'"
                    """)).containsExactly("m.yaml:8:40: no column 'stauts' in table visits — did you mean 'status'?");
        }

        @Test
        void inASingleQuotedScalar() {
            // The quote is column 17, the text starts at 18; 18 + 22 = 40.
            assertThat(problemsOf("""
                    facts:
                      visits:
                        table: visits
                        time: scheduled_at
                        measures:
                          charged_visits:
                            agg: count
                            filter: 'charge_amount > 0 and stauts = ''completed'''
                    """)).containsExactly("m.yaml:8:40: no column 'stauts' in table visits — did you mean 'status'?");
        }

        @Test
        void afterDoubledQuotesInASingleQuotedScalar() {
            // The text "status = 'completed' or " is 24 characters, but was written as
            // "status = ''completed'' or " (26) after the quote at column 17: 18 + 26 = 44.
            assertThat(problemsOf("""
                    facts:
                      visits:
                        table: visits
                        time: scheduled_at
                        measures:
                          seen_visits:
                            agg: count
                            filter: 'status = ''completed'' or stauts = ''no_show'''
                    """)).containsExactly("m.yaml:8:44: no column 'stauts' in table visits — did you mean 'status'?");
        }

        @Test
        void afterAnEscapeInADoubleQuotedScalar() {
            // The text "status = 'completed' or " is 24 characters; \u0027 is one of them but six in the file:
            // "status = \\u0027completed' or " is 29 characters after the quote at column 17: 18 + 29 = 47.
            assertThat(problemsOf("""
                    facts:
                      visits:
                        table: visits
                        time: scheduled_at
                        measures:
                          seen_visits:
                            agg: count
                            filter: "status = \\u0027completed' or stauts = 'no_show'"
                    """)).containsExactly("m.yaml:8:47: no column 'stauts' in table visits — did you mean 'status'?");
        }

        @Test
        void onTheSecondLineOfAMultiLinePlainScalar() {
            // The line break folds into one space; "stauts" is on line 9 after 10 spaces and "or ": column 14.
            assertThat(problemsOf("""
                    facts:
                      visits:
                        table: visits
                        time: scheduled_at
                        measures:
                          seen_visits:
                            agg: count
                            filter: status = 'completed'
                              or stauts = 'no_show'
                    """)).containsExactly("m.yaml:9:14: no column 'stauts' in table visits — did you mean 'status'?");
        }

        @Test
        void onTheSecondLineOfAMultiLineDoubleQuotedScalar() {
            assertThat(problemsOf("""
                    facts:
                      visits:
                        table: visits
                        time: scheduled_at
                        measures:
                          seen_visits:
                            agg: count
                            filter: "status = 'completed'
                              or stauts = 'no_show'"
                    """)).containsExactly("m.yaml:9:14: no column 'stauts' in table visits — did you mean 'status'?");
        }

        @Test
        void inAFoldedBlockScalar() {
            // As in clinic.yaml's patient_age_band: the text starts on the line after ">-", at column 7;
            // "birht_year" is on line 14 after 6 spaces and "else ": column 12.
            assertThat(problemsOf("""
                    facts:
                      visits:
                        table: visits
                        time: scheduled_at
                        joins:
                          - { table: patients, on: patient_id }
                    dimensions:
                      age_band:
                        label: Age band
                        description: Whether the birth year is known.
                        table: patients
                        key: >-
                          case when birth_year is null then 'unknown'
                          else birht_year end
                    """)).containsExactly("m.yaml:14:12: no column 'birht_year' in table patients — did you mean 'birth_year'?");
        }

        @Test
        void aQualifiedColumnOfATableNotJoinedToTheFact() {
            assertThat(problemsOf("""
                    facts:
                      shifts:
                        table: shifts
                        time: started_at
                        measures:
                          clinical_hours:
                            agg: sum
                            expr: hours_between(started_at, ended_at)
                            filter: role_groups.clinical = true
                    """)).containsExactly("m.yaml:9:17: table 'role_groups' is not joined to fact 'shifts'"
                    + " — add a join to role_groups under facts.shifts.joins");
        }

        @Test
        void aQualifiedColumnOfAnUnknownTable() {
            assertThat(problemsOf("""
                    facts:
                      visits:
                        table: visits
                        time: scheduled_at
                        measures:
                          old_patients:
                            agg: count
                            filter: patient.birth_year < 1950
                    """)).containsExactly("m.yaml:8:17: unknown table 'patient' — did you mean 'patients'?");
        }

        @Test
        void aQualifiedColumnOfAJoinedTableIsChecked() {
            // A reference starts at its table name: "patients.birth_year < 1950 and " is 31 characters, 17 + 31 = 48.
            assertThat(problemsOf("""
                    facts:
                      visits:
                        table: visits
                        time: scheduled_at
                        joins:
                          - { table: patients, on: patient_id }
                        measures:
                          old_patients:
                            agg: count_distinct
                            expr: patient_id
                            filter: patients.birth_year < 1950 and patients.brith_year > 1900
                    """)).containsExactly("m.yaml:11:48: no column 'brith_year' in table patients — did you mean 'birth_year'?");
        }

        @Test
        void aSyntaxErrorInsideAnExpressionPointsAtIt() {
            // "status = 'completed' and" is 24 characters; it ends at the closing quote: 18 + 24 = 42.
            assertThat(problemsOf("""
                    facts:
                      visits:
                        table: visits
                        time: scheduled_at
                        measures:
                          completed_visits:
                            agg: count
                            filter: "status = 'completed' and"
                    """)).containsExactly("m.yaml:8:42: in measure 'completed_visits': expression ends too early");
        }

        @Test
        void anUnknownFunctionInsideAnExpressionPointsAtIt() {
            // Line 8: "        expr: " is 14 characters, the text starts at column 15.
            assertThat(problemsOf("""
                    facts:
                      visits:
                        table: visits
                        time: scheduled_at
                        measures:
                          visit_minutes:
                            agg: sum
                            expr: minute_between(started_at, ended_at)
                    """)).containsExactly("m.yaml:8:15: in measure 'visit_minutes': unknown function 'minute_between';"
                    + " known: abs, coalesce, concat, date, greatest, hours_between, least, lower, minutes_between,"
                    + " nullif, round, upper, year");
        }

        @Test
        void anExpressionMustBeText() {
            // A block mapping starts at its first key: line 9, column 11.
            assertThat(problemsOf("""
                    facts:
                      visits:
                        table: visits
                        time: scheduled_at
                        measures:
                          visit_minutes:
                            agg: sum
                            expr:
                              minutes: started_at
                    """)).containsExactly("m.yaml:9:11: an expression of measure 'visit_minutes' must be a single line of text");
        }
    }

    @Nested
    class Measures {
        @Test
        void anUnknownAggregationSuggestsTheNearestOne() {
            // "        agg: " is 13 characters.
            assertThat(problemsOf("""
                    facts:
                      visits:
                        table: visits
                        time: scheduled_at
                        measures:
                          charges:
                            agg: summ
                            expr: charge_amount
                    """)).containsExactly("m.yaml:7:14: unknown aggregation 'summ' — did you mean 'sum'?");
        }

        @Test
        void anUnknownAggregationFarFromAnyListsThemAll() {
            assertThat(problemsOf("""
                    facts:
                      visits:
                        table: visits
                        time: scheduled_at
                        measures:
                          charges:
                            agg: total
                            expr: charge_amount
                    """)).containsExactly("m.yaml:7:14: unknown aggregation 'total'"
                    + " — one of count, count_distinct, sum, avg, min, max, median, percentile");
        }

        @Test
        void aPercentileNeedsItsPercentile() {
            // The measure's mapping starts at its first key, "agg", on line 7, column 9.
            assertThat(problemsOf("""
                    facts:
                      visits:
                        table: visits
                        time: scheduled_at
                        measures:
                          wait_p90:
                            agg: percentile
                            expr: minutes_between(checked_in_at, started_at)
                    """)).containsExactly("m.yaml:7:9: measure 'wait_p90' with agg percentile needs 'percentile' (e.g. 0.9)");
        }

        @ParameterizedTest
        @ValueSource(strings = {"0", "1", "90", "-0.5", "ninety", "NaN"})
        void aPercentileMustBeBetweenZeroAndOne(String percentile) {
            // "        percentile: " is 20 characters.
            assertThat(problemsOf("""
                    facts:
                      visits:
                        table: visits
                        time: scheduled_at
                        measures:
                          wait_p90:
                            agg: percentile
                            percentile: %s
                            expr: minutes_between(checked_in_at, started_at)
                    """.formatted(percentile)))
                    .containsExactly("m.yaml:8:21: percentile must be a number between 0 and 1 (exclusive), e.g. 0.9");
        }

        @Test
        void aPercentileOnlyAppliesToAggPercentile() {
            assertThat(problemsOf("""
                    facts:
                      visits:
                        table: visits
                        time: scheduled_at
                        measures:
                          wait:
                            agg: avg
                            percentile: 0.9
                            expr: minutes_between(checked_in_at, started_at)
                    """)).containsExactly("m.yaml:8:21: 'percentile' only applies to agg percentile");
        }

        @Test
        void everyAggregationButCountNeedsAnExpression() {
            assertThat(problemsOf("""
                    facts:
                      visits:
                        table: visits
                        time: scheduled_at
                        measures:
                          charges: { agg: sum, filter: "status = 'completed'" }
                    """)).containsExactly("m.yaml:6:16: measure 'charges' with agg sum needs 'expr'");
        }
    }

    @Nested
    class Dimensions {
        @Test
        void aDimensionReachableFromNoFact() {
            assertThat(problemsOf("""
                    facts:
                      shifts:
                        table: shifts
                        time: started_at
                    dimensions:
                      patient_sex:
                        label: Patient sex
                        description: Sex of the patient.
                        table: patients
                        key: sex
                    """)).containsExactly("m.yaml:7:5: dimension 'patient_sex' is reachable from no fact: no fact joins patients");
        }

        @Test
        void aDimensionReadingTwoTablesNeedsAFactThatJoinsBoth() {
            // visits joins patients, shifts joins staff: no single fact has patients and shifts.
            assertThat(problemsOf("""
                    facts:
                      visits:
                        table: visits
                        time: scheduled_at
                        joins:
                          - { table: patients, on: patient_id }
                      shifts:
                        table: shifts
                        time: started_at
                    dimensions:
                      age_at_shift:
                        label: Age at shift
                        description: Nonsense on purpose.
                        table: patients
                        key: year(shifts.started_at) - birth_year
                    """)).containsExactly("m.yaml:12:5: dimension 'age_at_shift' is reachable from no fact:"
                    + " no fact joins patients and shifts");
        }

        @Test
        void aDimensionWithALabelMustBeKeyedByThePrimaryKey() {
            // Labels are joined after aggregation on the primary key; a city keyed dimension cannot have one.
            assertThat(problemsOf("""
                    facts:
                      visits:
                        table: visits
                        time: scheduled_at
                        joins:
                          - { table: locations, on: location_id }
                    dimensions:
                      city:
                        label: City
                        description: The city of the location.
                        table: locations
                        key: city
                        display: name
                    """)).containsExactly("m.yaml:12:10: dimension 'city' has a display label, so its key must be"
                    + " the primary key of locations ('location_id')");
        }

        @Test
        void anUnknownColumnInTheKey() {
            // "    key: " is 9 characters.
            assertThat(problemsOf("""
                    facts:
                      visits:
                        table: visits
                        time: scheduled_at
                        joins:
                          - { table: locations, on: location_id }
                    dimensions:
                      region:
                        label: Region
                        description: The region of the location.
                        table: locations
                        key: regoin
                    """)).containsExactly("m.yaml:12:10: no column 'regoin' in table locations — did you mean 'region'?");
        }

        @Test
        void timeGrainNamesAreReserved() {
            assertThat(problemsOf("""
                    facts:
                      visits:
                        table: visits
                        time: scheduled_at
                    dimensions:
                      month:
                        label: Month
                        description: Not allowed.
                        table: visits
                        key: status
                    """)).containsExactly("m.yaml:7:5: 'month' is reserved for the time dimension; choose another name");
        }

        @Test
        void aDimensionNeedsLabelDescriptionTableAndKey() {
            assertThat(problemsOf("""
                    facts:
                      visits:
                        table: visits
                        time: scheduled_at
                    dimensions:
                      status:
                        table: visits
                    """)).containsExactly(
                    "m.yaml:7:5: dimension 'status' needs 'label'",
                    "m.yaml:7:5: dimension 'status' needs 'description'",
                    "m.yaml:7:5: dimension 'status' needs 'key'");
        }
    }

    @Nested
    class Metrics {
        private static final String FACTS = """
                facts:
                  visits:
                    table: visits
                    time: scheduled_at
                    measures:
                      completed_visits: { agg: count }
                """;

        @Test
        void anUnknownFormatSuggestsTheNearestOne() {
            // Line 11: "    format: " is 12 characters.
            assertThat(problemsOf(FACTS + """
                    metrics:
                      visits:
                        label: Visits
                        description: Completed visits.
                        format: integr
                        measure: completed_visits
                    """)).containsExactly("m.yaml:11:13: unknown format 'integr' — did you mean 'integer'?");
        }

        @Test
        void anUnknownFormatFarFromAnyListsTheSyntax() {
            assertThat(problemsOf(FACTS + """
                    metrics:
                      visits:
                        label: Visits
                        description: Completed visits.
                        format: currency_ABC
                        measure: completed_visits
                    """)).containsExactly("m.yaml:11:13: unknown format 'currency_ABC'"
                    + " — one of integer, decimal_N, percent_N, currency, currency_XXX, minutes");
        }

        @Test
        void anUnknownDirection() {
            assertThat(problemsOf(FACTS + """
                    metrics:
                      visits:
                        label: Visits
                        description: Completed visits.
                        format: integer
                        direction: higher_better
                        measure: completed_visits
                    """)).containsExactly("m.yaml:12:16: unknown direction 'higher_better' — did you mean 'higher_is_better'?");
        }

        @Test
        void aMetricWithBothMeasureAndFormula() {
            // The metric's mapping starts at its first key, "label", on line 9, column 5.
            assertThat(problemsOf(FACTS + """
                    metrics:
                      visits:
                        label: Visits
                        description: Completed visits.
                        format: integer
                        measure: completed_visits
                        formula: completed_visits * 1
                    """)).containsExactly("m.yaml:9:5: metric 'visits' needs exactly one of 'measure' or 'formula'");
        }

        @Test
        void aMetricWithNeitherMeasureNorFormula() {
            assertThat(problemsOf(FACTS + """
                    metrics:
                      visits:
                        label: Visits
                        description: Completed visits.
                        format: integer
                    """)).containsExactly("m.yaml:9:5: metric 'visits' needs exactly one of 'measure' or 'formula'");
        }

        @Test
        void aMetricNeedsLabelDescriptionAndFormat() {
            assertThat(problemsOf(FACTS + """
                    metrics:
                      visits:
                        measure: completed_visits
                    """)).containsExactly(
                    "m.yaml:9:5: metric 'visits' needs 'label'",
                    "m.yaml:9:5: metric 'visits' needs 'description'",
                    "m.yaml:9:5: metric 'visits' needs 'format'");
        }

        @Test
        void aMetricOfAnUnknownMeasure() {
            assertThat(problemsOf(FACTS + """
                    metrics:
                      visits:
                        label: Visits
                        description: Completed visits.
                        format: integer
                        measure: completed_visit
                    """)).containsExactly("m.yaml:9:5: metric 'visits' uses unknown measure 'completed_visit'"
                    + " — did you mean 'completed_visits'?");
        }
    }

    @Nested
    class Formulas {
        private static final String FACTS_AND_VISITS = """
                facts:
                  visits:
                    table: visits
                    time: scheduled_at
                    measures:
                      completed_visits: { agg: count }
                metrics:
                  visits:
                    label: Visits
                    description: Completed visits.
                    format: integer
                    measure: completed_visits
                """;

        @Test
        void aFormulaOfAnUnknownMetricSuggestsTheNearestOne() {
            // Line 17: "    formula: " is 13 characters.
            assertThat(problemsOf(FACTS_AND_VISITS + """
                      double_visits:
                        label: Double visits
                        description: Twice the visits.
                        format: integer
                        formula: vists * 2
                    """)).containsExactly("m.yaml:17:14: formula of metric 'double_visits' refers to unknown metric"
                    + " or measure 'vists' — did you mean 'visits'?");
        }

        @Test
        void aFormulaMayUseMeasuresDirectly() {
            SemanticModel model = ModelLoader.parse("m.yaml", FACTS_AND_VISITS + """
                      double_visits:
                        label: Double visits
                        description: Twice the visits.
                        format: integer
                        formula: round(completed_visits * 2, 0)
                    """);
            assertThat(model.measuresOf(model.metric("double_visits").orElseThrow()))
                    .extracting(Measure::name).containsExactly("completed_visits");
        }

        @Test
        void aFormulaMayNotReferToColumns() {
            // "visits.status" is a column, not a metric; "    formula: visits + " is 22 characters.
            assertThat(problemsOf(FACTS_AND_VISITS + """
                      odd:
                        label: Odd
                        description: Refers to a column.
                        format: integer
                        formula: visits + visits.status
                    """)).containsExactly("m.yaml:17:23: formula of metric 'odd' refers to unknown metric or measure"
                    + " 'visits.status'");
        }

        @Test
        void aFormulaWithAConditionIsRejectedAtTheOperator() {
            // "visits > 10": the ">" is 7 characters into the text at column 14.
            assertThat(problemsOf(FACTS_AND_VISITS + """
                      busy:
                        label: Busy
                        description: More than ten visits.
                        format: integer
                        formula: visits > 10
                    """)).containsExactly("m.yaml:17:21: formulas combine metrics with + - * / only;"
                    + " conditions belong in a measure's filter");
        }

        @Test
        void aFormulaMayNotUseTextOrColumnFunctions() {
            // "date(" is 9 characters into the text; the text "x" is 14 into it.
            assertThat(problemsOf(FACTS_AND_VISITS + """
                      odd:
                        label: Odd
                        description: Nonsense on purpose.
                        format: integer
                        formula: visits + date('x')
                    """)).containsExactly(
                    "m.yaml:17:23: function date is not allowed in formulas; allowed: abs, coalesce, greatest, least,"
                            + " nullif, round",
                    "m.yaml:17:28: formulas combine metrics with + - * / and numbers only; put conditions and columns"
                            + " in a measure");
        }

        @Test
        void aCycleOfTwoMetricsShowsTheCycle() {
            // Reported once, at the first metric of the cycle: a's mapping starts on line 7, column 5.
            assertThat(problemsOf("""
                    facts:
                      visits:
                        table: visits
                        time: scheduled_at
                    metrics:
                      a:
                        label: A
                        description: B plus one.
                        format: integer
                        formula: b + 1
                      b:
                        label: B
                        description: A times two.
                        format: integer
                        formula: a * 2
                    """)).containsExactly("m.yaml:7:5: formulas form a cycle: a → b → a");
        }

        @Test
        void aCycleReachedThroughAnotherMetricIsReportedAtTheCycle() {
            assertThat(problemsOf("""
                    facts:
                      visits:
                        table: visits
                        time: scheduled_at
                    metrics:
                      c: { label: C, description: Uses the cycle., format: integer, formula: a / 2 }
                      a: { label: A, description: B plus one., format: integer, formula: b + 1 }
                      b: { label: B, description: A times two., format: integer, formula: a * 2 }
                    """)).containsExactly("m.yaml:7:6: formulas form a cycle: a → b → a");
        }

        @Test
        void aMetricReferringToItself() {
            assertThat(problemsOf("""
                    facts:
                      visits:
                        table: visits
                        time: scheduled_at
                    metrics:
                      a: { label: A, description: Itself., format: integer, formula: a + 1 }
                    """)).containsExactly("m.yaml:6:6: formulas form a cycle: a → a");
        }
    }

    @Nested
    class Scores {
        /** 21 lines, ending with "scores:": the first score's name is on line 22, its first key on line 23. */
        private static final String MODEL = """
                facts:
                  visits:
                    table: visits
                    time: scheduled_at
                    joins:
                      - { table: services, on: service_id }
                    measures:
                      completed_visits: { agg: count }
                      wait_avg: { agg: avg, expr: "minutes_between(checked_in_at, started_at)" }
                      visit_minutes_avg: { agg: avg, expr: "minutes_between(started_at, ended_at)" }
                dimensions:
                  service:
                    label: Service line
                    description: The service line.
                    table: services
                    key: service_id
                metrics:
                  visits: { label: Visits, description: Completed visits., format: integer, direction: higher_is_better, measure: completed_visits }
                  avg_wait_minutes: { label: Average wait, description: Minutes waited., format: minutes, direction: lower_is_better, measure: wait_avg }
                  avg_visit_minutes: { label: Average visit length, description: Minutes with the provider., format: minutes, measure: visit_minutes_avg }
                scores:
                """;

        @Test
        void theModelAboveEndsWhereTheCommentsBelowSay() {
            assertThat(MODEL.lines().count()).isEqualTo(21);
            assertThat(MODEL.lines().reduce((a, b) -> b).orElseThrow()).isEqualTo("scores:");
        }

        @Test
        void aScoreLoadsWithItsComponentsOrientedAndWeighted() {
            SemanticModel model = ModelLoader.parse("m.yaml", MODEL + """
                      speed:
                        label: Speed
                        description: Short waits and short visits, against the same service line.
                        within: service
                        normalization: robust_z
                        min_volume: { metric: visits, at_least: 30 }
                        components:
                          - { metric: avg_wait_minutes, weight: 2 }
                          - { metric: avg_visit_minutes, direction: lower_is_better }
                      overall:
                        label: Overall
                        description: Speed and volume.
                        components:
                          - { score: speed, weight: 3 }
                          - { metric: visits }
                    """);
            assertThat(model.scores()).containsOnlyKeys("speed", "overall");
            assertThat(model.scores().keySet()).containsExactly("speed", "overall");

            Score speed = model.score("speed").orElseThrow();
            assertThat(speed.label()).isEqualTo("Speed");
            assertThat(speed.description()).isEqualTo("Short waits and short visits, against the same service line.");
            // avg_wait_minutes is lower_is_better itself; the neutral avg_visit_minutes says so; weight defaults to 1.
            assertThat(speed.components()).containsExactly(
                    new Score.Component("avg_wait_minutes", false, 2.0, false),
                    new Score.Component("avg_visit_minutes", false, 1.0, false));
            assertThat(speed.totalWeight()).isEqualTo(3.0);
            assertThat(speed.within()).contains("service");
            assertThat(speed.normalization()).isEqualTo(Score.Normalization.ROBUST_Z);
            assertThat(speed.minVolume()).hasValueSatisfying(v -> {
                assertThat(v.metric()).isEqualTo("visits");
                assertThat(v.atLeast()).isEqualByComparingTo("30");
            });
            // The score's mapping starts at its first key, "label": line 23, column 5.
            assertThat(speed.location()).isEqualTo(new SourceLocation("m.yaml", 23, 5));

            Score overall = model.score("overall").orElseThrow();
            // A score component is higher-is-better; visits is higher_is_better itself.
            assertThat(overall.components()).containsExactly(
                    new Score.Component("speed", true, 3.0, true),
                    new Score.Component("visits", false, 1.0, true));
            assertThat(overall.totalWeight()).isEqualTo(4.0);
            assertThat(overall.within()).isEmpty();
            assertThat(overall.normalization()).isEqualTo(Score.Normalization.PERCENTILE_RANK);
            assertThat(overall.minVolume()).isEmpty();
        }

        @Test
        void aLowerIsBetterScoreComponentIsInverted() {
            SemanticModel model = ModelLoader.parse("m.yaml", MODEL + """
                      waiting:
                        label: Waiting
                        description: Long waits.
                        components:
                          - { metric: avg_wait_minutes, direction: higher_is_better }
                      speed:
                        label: Speed
                        description: The opposite of waiting.
                        components:
                          - { score: waiting, direction: lower_is_better }
                    """);
            assertThat(model.score("waiting").orElseThrow().components())
                    .containsExactly(new Score.Component("avg_wait_minutes", false, 1.0, true));
            assertThat(model.score("speed").orElseThrow().components())
                    .containsExactly(new Score.Component("waiting", true, 1.0, false));
        }

        @Test
        void aModelWithoutScoresHasNone() {
            assertThat(ModelLoader.parse("m.yaml", MODEL.replace("scores:\n", "")).scores()).isEmpty();
        }

        @Test
        void anUnknownMetricInAComponentSuggestsTheNearestOne() {
            // Line 26: 6 spaces, "- " (2), "{ " (2), "metric: " (8) = 18.
            assertThat(problemsOf(MODEL + """
                      speed:
                        label: Speed
                        description: Short waits.
                        components:
                          - { metric: avg_wait_minute }
                    """)).containsExactly("m.yaml:26:19: unknown metric 'avg_wait_minute' — did you mean 'avg_wait_minutes'?");
        }

        @Test
        void anUnknownScoreSuggestsTheNearestOne() {
            // Line 31: 6 spaces, "- " (2), "{ " (2), "score: " (7) = 17.
            assertThat(problemsOf(MODEL + """
                      speed:
                        label: Speed
                        description: Short waits.
                        components:
                          - { metric: avg_wait_minutes }
                      overall:
                        label: Overall
                        description: Speed, misspelt.
                        components:
                          - { score: sped }
                    """)).containsExactly("m.yaml:31:18: unknown score 'sped' — did you mean 'speed'?");
        }

        @Test
        void aComponentNeedsExactlyOneOfMetricOrScore() {
            // A flow mapping starts at its "{": 6 spaces and "- " before it, column 9.
            assertThat(problemsOf(MODEL + """
                      speed:
                        label: Speed
                        description: Short waits.
                        components:
                          - { metric: avg_wait_minutes, score: speed }
                    """)).containsExactly("m.yaml:26:9: a component of score 'speed' needs exactly one of 'metric' or 'score'");
            assertThat(problemsOf(MODEL + """
                      speed:
                        label: Speed
                        description: Short waits.
                        components:
                          - { weight: 2 }
                    """)).containsExactly("m.yaml:26:9: a component of score 'speed' needs exactly one of 'metric' or 'score'");
        }

        @ParameterizedTest
        @ValueSource(strings = {"0", "-1", "-0.5", "0.0"})
        void aWeightMustBeGreaterThanZero(String weight) {
            // Line 26: 6 + "- { " (4) + "metric: avg_wait_minutes, " (26) + "weight: " (8) = 44.
            assertThat(problemsOf(MODEL + """
                      speed:
                        label: Speed
                        description: Short waits.
                        components:
                          - { metric: avg_wait_minutes, weight: %s }
                    """.formatted(weight))).containsExactly("m.yaml:26:45: weight must be greater than 0");
        }

        @ParameterizedTest
        @ValueSource(strings = {"heavy", "1/2", ".nan", "'2 kg'"})
        void aWeightMustBeANumber(String weight) {
            String text = weight.startsWith("'") ? weight.substring(1, weight.length() - 1) : weight;
            assertThat(problemsOf(MODEL + """
                      speed:
                        label: Speed
                        description: Short waits.
                        components:
                          - { metric: avg_wait_minutes, weight: %s }
                    """.formatted(weight))).containsExactly("m.yaml:26:45: '" + text + "' is not a number");
        }

        @Test
        void anUnknownDirection() {
            // Line 26: 6 + "- { " (4) + "metric: avg_wait_minutes, " (26) + "direction: " (11) = 47.
            assertThat(problemsOf(MODEL + """
                      speed:
                        label: Speed
                        description: Short waits.
                        components:
                          - { metric: avg_wait_minutes, direction: shorter_is_better }
                    """)).containsExactly("m.yaml:26:48: unknown direction 'shorter_is_better'"
                    + " — one of higher_is_better, lower_is_better");
        }

        @Test
        void aComponentCannotBeNeutral() {
            // "metric: avg_visit_minutes, " is 27 characters: 6 + 4 + 27 + 11 = 48. Reported once: the unknown
            // direction, not also the neutral metric's missing one.
            assertThat(problemsOf(MODEL + """
                      speed:
                        label: Speed
                        description: Short visits.
                        components:
                          - { metric: avg_visit_minutes, direction: neutral }
                    """)).containsExactly("m.yaml:26:49: unknown direction 'neutral' — one of higher_is_better, lower_is_better");
        }

        @Test
        void aNeutralMetricNeedsAnExplicitDirection() {
            assertThat(problemsOf(MODEL + """
                      speed:
                        label: Speed
                        description: Short visits.
                        components:
                          - { metric: avg_visit_minutes }
                    """)).containsExactly("m.yaml:26:9: metric 'avg_visit_minutes' is neutral, so a component of score"
                    + " 'speed' must say its direction — add direction: higher_is_better or lower_is_better");
        }

        @Test
        void anUnknownKeyInAComponentSuggestsTheNearestOne() {
            // Line 26: 6 + "- { " (4) + "metric: avg_wait_minutes, " (26) = 36.
            assertThat(problemsOf(MODEL + """
                      speed:
                        label: Speed
                        description: Short waits.
                        components:
                          - { metric: avg_wait_minutes, wieght: 2 }
                    """)).containsExactly("m.yaml:26:37: unknown key 'wieght' in a component of score 'speed'"
                    + " — did you mean 'weight'?");
        }

        @Test
        void anUnknownWithinDimensionSuggestsTheNearestOne() {
            // Line 25: "    within: " is 12 characters.
            assertThat(problemsOf(MODEL + """
                      speed:
                        label: Speed
                        description: Short waits.
                        within: servce
                        components:
                          - { metric: avg_wait_minutes }
                    """)).containsExactly("m.yaml:25:13: unknown dimension 'servce' in 'within' of score 'speed'"
                    + " — did you mean 'service'?");
        }

        @Test
        void anUnknownNormalization() {
            // Line 25: "    normalization: " is 19 characters.
            assertThat(problemsOf(MODEL + """
                      speed:
                        label: Speed
                        description: Short waits.
                        normalization: rank
                        components:
                          - { metric: avg_wait_minutes }
                    """)).containsExactly("m.yaml:25:20: unknown normalization 'rank' — one of percentile_rank, robust_z");
        }

        @Test
        void aMinimumVolumeOfAnUnknownMetricSuggestsTheNearestOne() {
            // Line 25: "    min_volume: " (16), "{ " (2), "metric: " (8) = 26.
            assertThat(problemsOf(MODEL + """
                      speed:
                        label: Speed
                        description: Short waits.
                        min_volume: { metric: visit, at_least: 30 }
                        components:
                          - { metric: avg_wait_minutes }
                    """)).containsExactly("m.yaml:25:27: unknown metric 'visit' — did you mean 'visits'?");
        }

        @Test
        void aMinimumVolumeNeedsANumber() {
            // Line 25: 26 + "visits, " (8) + "at_least: " (10) = 44; the mapping itself starts at its "{", column 17.
            assertThat(problemsOf(MODEL + """
                      speed:
                        label: Speed
                        description: Short waits.
                        min_volume: { metric: visits, at_least: thirty }
                        components:
                          - { metric: avg_wait_minutes }
                    """)).containsExactly("m.yaml:25:45: 'thirty' is not a number");
            assertThat(problemsOf(MODEL + """
                      speed:
                        label: Speed
                        description: Short waits.
                        min_volume: { metric: visits }
                        components:
                          - { metric: avg_wait_minutes }
                    """)).containsExactly("m.yaml:25:17: 'min_volume' of score 'speed' needs 'at_least'");
        }

        @Test
        void aCycleOfTwoScoresShowsTheCycle() {
            // Reported once, at the first score of the cycle: a's mapping starts on line 23, column 5.
            assertThat(problemsOf(MODEL + """
                      a:
                        label: A
                        description: Built on b.
                        components:
                          - { score: b }
                      b:
                        label: B
                        description: Built on a.
                        components:
                          - { score: a }
                    """)).containsExactly("m.yaml:23:5: scores form a cycle: a → b → a");
        }

        @Test
        void aCycleReachedThroughAnotherScoreIsReportedOnceAtTheCycle() {
            // Line 23: "  a: " is 5 characters, so a's flow mapping starts at column 6.
            assertThat(problemsOf(MODEL + """
                      c: { label: C, description: Uses the cycle., components: [{ score: a }] }
                      a: { label: A, description: Built on b., components: [{ score: b }] }
                      b: { label: B, description: Built on a., components: [{ score: a }] }
                    """)).containsExactly("m.yaml:23:6: scores form a cycle: a → b → a");
        }

        @Test
        void aScoreBuiltOnItself() {
            assertThat(problemsOf(MODEL + """
                      a: { label: A, description: Itself., components: [{ score: a, weight: 2 }] }
                    """)).containsExactly("m.yaml:22:6: scores form a cycle: a → a");
        }

        @Test
        void aScoreNeedsComponents() {
            assertThat(problemsOf(MODEL + """
                      speed:
                        label: Speed
                        description: Nothing in it yet.
                    """)).containsExactly("m.yaml:23:5: score 'speed' needs 'components'");
        }

        @Test
        void aScoreNeedsAtLeastOneComponent() {
            // Line 25: "    components: " is 16 characters.
            assertThat(problemsOf(MODEL + """
                      speed:
                        label: Speed
                        description: Nothing in it yet.
                        components: []
                    """)).containsExactly("m.yaml:25:17: score 'speed' needs at least one component");
        }

        @Test
        void componentsMustBeAList() {
            // Reported once.
            assertThat(problemsOf(MODEL + """
                      speed:
                        label: Speed
                        description: Short waits.
                        components: avg_wait_minutes
                    """)).containsExactly("m.yaml:25:17: components of score 'speed' must be a list (lines starting with '- ')");
        }

        @Test
        void aScoreNeedsLabelAndDescription() {
            assertThat(problemsOf(MODEL + """
                      speed:
                        components:
                          - { metric: avg_wait_minutes }
                    """)).containsExactly(
                    "m.yaml:23:5: score 'speed' needs 'label'",
                    "m.yaml:23:5: score 'speed' needs 'description'");
        }

        @Test
        void scoreNamesMustBeLowerSnakeCase() {
            assertThat(problemsOf(MODEL + """
                      Speed:
                        label: Speed
                        description: Short waits.
                        components:
                          - { metric: avg_wait_minutes }
                    """)).containsExactly("m.yaml:22:3: name 'Speed' in scores must be lower_snake_case"
                    + " (letters, digits, underscores; starting with a letter)");
        }

        @Test
        void theDefaultModelHasThroughputEfficiencyStaffCostAndOverall() {
            SemanticModel model = ModelLoader.loadDefault();
            assertThat(model.scores().keySet()).containsExactly("throughput", "efficiency", "staff_cost", "overall");
            assertThat(model.score("throughput").orElseThrow().components()).containsExactly(
                    new Score.Component("visits_per_clinical_hour", false, 0.6, true),
                    new Score.Component("visits_per_provider_day", false, 0.4, true));
            assertThat(model.score("efficiency").orElseThrow().components()).containsExactly(
                    new Score.Component("no_show_rate", false, 0.3, false),
                    new Score.Component("avg_wait_minutes", false, 0.3, false),
                    new Score.Component("utilization", false, 0.4, true));
            // Higher staff_cost score = cheaper: both its metrics are lower_is_better.
            assertThat(model.score("staff_cost").orElseThrow().components()).containsExactly(
                    new Score.Component("staff_cost_per_visit", false, 0.6, false),
                    new Score.Component("staff_cost_share", false, 0.4, false));
            assertThat(model.score("overall").orElseThrow().components()).containsExactly(
                    new Score.Component("throughput", true, 1.0, true),
                    new Score.Component("efficiency", true, 1.0, true),
                    new Score.Component("staff_cost", true, 1.0, true));
            assertThat(model.scores().values()).allSatisfy(s -> {
                assertThat(s.label()).as("label of %s", s.name()).isNotBlank();
                assertThat(s.description()).as("description of %s", s.name()).isNotBlank();
                assertThat(s.totalWeight()).as("total weight of %s", s.name()).isPositive();
                assertThat(s.within()).as("within of %s", s.name()).isEmpty();
                assertThat(s.normalization()).as("normalization of %s", s.name()).isEqualTo(Score.Normalization.PERCENTILE_RANK);
                assertThat(s.minVolume()).as("min volume of %s", s.name()).hasValueSatisfying(v -> {
                    assertThat(v.metric()).isEqualTo("visits");
                    assertThat(v.atLeast()).isEqualByComparingTo("30");
                });
                // No component overrides its metric's direction.
                s.components().stream().filter(c -> !c.isScore()).forEach(c -> assertThat(c.higherIsBetter())
                        .as("%s in %s", c.name(), s.name())
                        .isEqualTo(model.metric(c.name()).orElseThrow().direction() == Direction.HIGHER_IS_BETTER));
            });
        }
    }
}
