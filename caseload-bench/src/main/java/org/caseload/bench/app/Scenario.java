package org.caseload.bench.app;

import java.util.List;
import java.util.Random;

/**
 * What the users ask for. The dashboard's eight tiles resemble the overview (KPIs against the
 * previous month, monthly trends, per-location tables) on the default demo calendar 2024–2025;
 * the load test's explorations and CSV exports are ones an analyst would plausibly run.
 */
final class Scenario {
    private Scenario() {}

    /** A named metric request in the API's JSON form. */
    record Named(String name, String chartType, String json) {}

    static final String LAST_MONTH_FROM = "2025-12-01";
    static final String LAST_MONTH_TO = "2026-01-01";

    static final List<Named> TILES = List.of(
            new Named("KPIs vs previous month", "kpi", body(
                    "\"metrics\":[\"visits\",\"patients\",\"no_show_rate\",\"avg_wait_minutes\",\"utilization\",\"staff_cost\","
                            + "\"staff_cost_per_visit\",\"revenue_per_staff_hour\"],"
                            + "\"from\":\"" + LAST_MONTH_FROM + "\",\"to\":\"" + LAST_MONTH_TO + "\",\"compare\":\"previous_period\"")),
            new Named("Visits by month", "line", body(
                    "\"metrics\":[\"visits\"],\"grain\":\"month\",\"from\":\"2025-01-01\",\"to\":\"2026-01-01\"")),
            new Named("No-show rate by month", "line", body(
                    "\"metrics\":[\"no_show_rate\"],\"grain\":\"month\",\"from\":\"2025-01-01\",\"to\":\"2026-01-01\"")),
            new Named("Staff cost per visit by month", "line", body(
                    "\"metrics\":[\"staff_cost_per_visit\"],\"grain\":\"month\",\"from\":\"2025-01-01\",\"to\":\"2026-01-01\"")),
            new Named("Utilization by month", "line", body(
                    "\"metrics\":[\"utilization\"],\"grain\":\"month\",\"from\":\"2025-01-01\",\"to\":\"2026-01-01\"")),
            new Named("Locations this month", "table", body(
                    "\"metrics\":[\"visits\",\"no_show_rate\",\"avg_wait_minutes\",\"utilization\",\"staff_cost_per_visit\"],"
                            + "\"dimensions\":[\"location\"],\"from\":\"" + LAST_MONTH_FROM + "\",\"to\":\"" + LAST_MONTH_TO + "\"")),
            new Named("Staff cost by location, 2025", "table", body(
                    "\"metrics\":[\"staff_cost\",\"staff_hours\",\"staff_cost_per_visit\"],\"dimensions\":[\"location\"],"
                            + "\"from\":\"2025-01-01\",\"to\":\"2026-01-01\"")),
            new Named("Service lines, 2025", "table", body(
                    "\"metrics\":[\"visits\",\"avg_visit_minutes\",\"no_show_rate\"],\"dimensions\":[\"service\"],"
                            + "\"from\":\"2025-01-01\",\"to\":\"2026-01-01\"")));

    /** The queries that GET / runs, in its order (OverviewController), as API requests. */
    static final List<Named> OVERVIEW_QUERIES = List.of(
            new Named("overview: latest month", "", body("\"metrics\":[\"visits\"],\"grain\":\"month\",\"order\":[\"-month\"],\"limit\":1")),
            new Named("overview: 8 KPIs + previous month", "", TILES.get(0).json()),
            new Named("overview: 12-month trend", "", body("\"metrics\":[\"visits\",\"staff_cost_per_visit\"],\"grain\":\"month\","
                    + "\"from\":\"2025-01-01\",\"to\":\"2026-01-01\"")),
            new Named("overview: location table", "", TILES.get(5).json()));

    /** Explorations of the load test's POST /api/query. */
    static final List<Named> EXPLORATIONS = List.of(
            new Named("no-show rate by region x week", "", body("\"metrics\":[\"visits\",\"no_show_rate\"],\"dimensions\":[\"region\"],"
                    + "\"grain\":\"week\",\"from\":\"2025-07-01\",\"to\":\"2026-01-01\"")),
            new Named("wait by location x service, Q4", "", body("\"metrics\":[\"avg_wait_minutes\",\"visits\"],"
                    + "\"dimensions\":[\"location\",\"service\"],\"from\":\"2025-10-01\",\"to\":\"2026-01-01\"")),
            new Named("staff cost by role group x month", "", body("\"metrics\":[\"staff_cost\",\"staff_hours\"],"
                    + "\"dimensions\":[\"role_group\"],\"grain\":\"month\",\"from\":\"2025-01-01\",\"to\":\"2026-01-01\"")),
            new Named("visits by age band x sex, dental", "", body("\"metrics\":[\"visits\",\"avg_visit_minutes\"],"
                    + "\"dimensions\":[\"patient_age_band\",\"patient_sex\"],\"from\":\"2025-01-01\",\"to\":\"2026-01-01\","
                    + "\"filters\":[{\"dimension\":\"service\",\"op\":\"eq\",\"values\":[\"dental\"]}]")),
            new Named("top staff by visits, H2", "", body("\"metrics\":[\"visits\",\"visits_per_clinical_hour\"],"
                    + "\"dimensions\":[\"staff\"],\"from\":\"2025-07-01\",\"to\":\"2026-01-01\",\"order\":[\"-visits\"],\"limit\":25")));

    /** CSV exports of the load test (GET /api/query.csv). */
    static final List<String> EXPORTS = List.of(
            "/api/query.csv?metrics=visits,avg_visit_minutes,no_show_rate&dimensions=location,service&grain=month"
                    + "&from=2025-01-01&to=2026-01-01",
            "/api/query.csv?metrics=visits,staff_cost_per_visit&dimensions=staff&grain=month&from=2025-07-01&to=2026-01-01");

    /** Months a user may page back to on the overview. */
    static final List<String> MONTHS = List.of("2025-07", "2025-08", "2025-09", "2025-10", "2025-11", "2025-12");

    /** The load test's mix, in percent. */
    enum Action {
        OVERVIEW("GET / (overview page)", 35),
        DASHBOARD("GET /api/dashboards/{id}/results", 25),
        QUERY("POST /api/query", 25),
        CSV("GET /api/query.csv", 15);

        final String label;
        final int percent;

        Action(String label, int percent) {
            this.label = label;
            this.percent = percent;
        }

        static Action pick(Random r) {
            int x = r.nextInt(100);
            for (Action a : values()) {
                if (x < a.percent) return a;
                x -= a.percent;
            }
            return OVERVIEW;
        }
    }

    static String body(String fields) {
        return "{" + fields + "}";
    }

    static String tileJson(Named t) {
        return "{\"title\":\"" + t.name() + "\",\"chartType\":\"" + t.chartType() + "\",\"request\":" + t.json() + "}";
    }
}
