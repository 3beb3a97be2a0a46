package org.caseload.insights;

import java.util.ArrayList;
import java.util.List;

/**
 * Plain SQL for a small warehouse: one service (primary care), one clinical role group, one
 * physician per location, and per location a given number of completed visits with a fixed wait
 * (check-in to start) and 10-hour shifts. Every visit lasts 20 minutes.
 */
public final class SmallClinic {
    private final List<String> sql = new ArrayList<>(List.of(
            "insert into services values ('primary_care', 'Primary care')",
            "insert into role_groups values ('physician', 'Physician', true)",
            "insert into patients values ('P1', 1980, 'female')"));

    /** A location {@code id} named {@code name} in {@code region}, with its physician {@code S<id>}. */
    public SmallClinic location(String id, String name, String region) {
        sql.add("insert into locations values ('" + id + "', '" + name + "', 'Town', '" + region + "', 'America/New_York')");
        sql.add("insert into staff values ('S" + id + "', 'Dr " + name + "', 'physician', '" + id + "', 100.00)");
        return this;
    }

    /** {@code n} completed visits at {@code id} from {@code start} on, ten minutes apart, each after a wait of {@code wait} minutes. */
    public SmallClinic visits(String id, String start, int n, int wait) {
        String tag = id + "-" + start.replaceAll("[^0-9]", "");
        sql.add("insert into visits select 'V-" + tag + "-' || i, 'P1', '" + id + "', 'primary_care', 'S" + id + "',"
                + " t, t, t + to_minutes(" + wait + "), t + to_minutes(" + (wait + 20) + "), 'completed', 100.00"
                + " from (select i, timestamp '" + start + "' + to_minutes(i * 10) as t from range(" + n + ") r(i))");
        return this;
    }

    /** {@code n} shifts of 10 hours at {@code id}, on consecutive days from {@code day}, costing 1,000 each. */
    public SmallClinic shifts(String id, String day, int n) {
        String tag = id + "-" + day.replaceAll("[^0-9]", "");
        sql.add("insert into shifts select 'SH-" + tag + "-' || i, 'S" + id + "', '" + id + "', 'primary_care',"
                + " timestamp '" + day + " 08:00' + to_days(i), timestamp '" + day + " 18:00' + to_days(i), 1000.00"
                + " from range(" + n + ") r(i)");
        return this;
    }

    /** Any further statement. */
    public SmallClinic sql(String statement) {
        sql.add(statement);
        return this;
    }

    public String[] sql() {
        return sql.toArray(String[]::new);
    }
}
