package org.caseload.bench.e2e;

import java.time.LocalDate;
import java.util.List;
import org.caseload.engine.query.DimensionFilter;
import org.caseload.engine.query.MetricRequest;
import org.caseload.model.Grain;
import org.jooq.SQLDialect;

/**
 * The representative questions. The hand-written SQL is what an analyst would type for the same
 * question, not the engine's output: joins before grouping, {@code group by all}, a FULL JOIN for
 * two facts, the filter on the key the analyst knows. Differences in shape are part of what the
 * comparison measures; only the rows must agree.
 *
 * <p>Each case has its hand-written SQL for DuckDB, PostgreSQL, MariaDB and Trino: the same aggregation,
 * written as one would for that server. PostgreSQL has no {@code group by all} (ordinals instead),
 * and its integer division truncates, so the rate divides a {@code float8}. MariaDB has no
 * {@code filter} clause (it sums the boolean comparison, its idiom for a conditional count), no
 * {@code full join} (the left join plus the right side's unmatched rows, {@code union all}) and no
 * {@code date_trunc} ({@code date_format} to the first of the month, {@code weekday} for the week);
 * it sorts nulls first, so nullable sort keys get {@code x is null} in front; and it divides
 * decimals to only four more digits ({@code div_precision_increment}), so the rates and averages
 * are divided as doubles ({@code 1e0 *}, {@code / 60e0}), as the engine does. Trino's (run by
 * caseload-trino's {@code TrinoBench}, as Trino needs its own JDK) has {@code count_if}, {@code filter},
 * {@code group by} ordinals (no {@code group by all}) and divisions of a {@code double}, since Trino
 * divides integers as integers and keeps a decimal dividend's scale. The JDBC parameters are the same
 * on every database.
 */
public final class BenchCases {
    /** The whole demo calendar, so every case reads every row of its fact. */
    public static final LocalDate FROM = LocalDate.of(2024, 1, 1);
    public static final LocalDate TO = LocalDate.of(2026, 1, 1);

    private BenchCases() {}

    /** The cases with DuckDB's hand-written SQL. */
    public static List<BenchCase> all() {
        return all(SQLDialect.DUCKDB);
    }

    /** The cases with the hand-written SQL for {@code dialect}: DuckDB, PostgreSQL, MariaDB or Trino. */
    public static List<BenchCase> all(SQLDialect dialect) {
        return List.of(singleFact(dialect), multiFact(dialect), ratio(dialect), filtered(dialect), staffDay(dialect));
    }

    /** The SQL written for DuckDB, PostgreSQL, MariaDB and Trino, in that order. */
    private static String sql(SQLDialect dialect, String duckdb, String postgres, String mariadb, String trino) {
        return switch (dialect.family()) {
            case DUCKDB -> duckdb;
            case POSTGRES -> postgres;
            case MARIADB, MYSQL -> mariadb;
            case TRINO -> trino;
            default -> throw new IllegalArgumentException("no hand-written SQL for " + dialect);
        };
    }

    public static BenchCase singleFact() {
        return singleFact(SQLDialect.DUCKDB);
    }

    public static BenchCase singleFact(SQLDialect dialect) {
        return new BenchCase("single_fact", "visits, charges by location x month",
                MetricRequest.builder().metrics("visits", "charges").dimensions("location")
                        .grain(Grain.MONTH).between(FROM, TO).build(),
                sql(dialect, """
                select v.location_id                               as location,
                       l.name                                      as location_label,
                       date_trunc('month', v.scheduled_at)::date   as month,
                       count(*) filter (where v.status = 'completed')             as visits,
                       sum(v.charge_amount) filter (where v.status = 'completed') as charges
                from visits v
                join locations l on l.location_id = v.location_id
                where v.scheduled_at >= ? and v.scheduled_at < ?
                group by all
                order by location_label, location, month
                """, """
                select v.location_id                               as location,
                       l.name                                      as location_label,
                       date_trunc('month', v.scheduled_at)::date   as month,
                       count(*) filter (where v.status = 'completed')             as visits,
                       sum(v.charge_amount) filter (where v.status = 'completed') as charges
                from visits v
                join locations l on l.location_id = v.location_id
                where v.scheduled_at >= ? and v.scheduled_at < ?
                group by 1, 2, 3
                order by location_label, location, month
                """, """
                select v.location_id                                          as location,
                       l.name                                                 as location_label,
                       cast(date_format(v.scheduled_at, '%Y-%m-01') as date)  as month,
                       sum(v.status = 'completed')                            as visits,
                       sum(case when v.status = 'completed' then v.charge_amount end) as charges
                from visits v
                join locations l on l.location_id = v.location_id
                where v.scheduled_at >= ? and v.scheduled_at < ?
                group by v.location_id, l.name, month
                order by location_label, location, month
                """, """
                select v.location_id                                    as location,
                       l.name                                           as location_label,
                       cast(date_trunc('month', v.scheduled_at) as date) as month,
                       count_if(v.status = 'completed')                 as visits,
                       sum(v.charge_amount) filter (where v.status = 'completed') as charges
                from visits v
                join locations l on l.location_id = v.location_id
                where v.scheduled_at >= ? and v.scheduled_at < ?
                group by 1, 2, 3
                order by location_label, location, month
                """), List.of(FROM, TO));
    }

    public static BenchCase multiFact() {
        return multiFact(SQLDialect.DUCKDB);
    }

    public static BenchCase multiFact(SQLDialect dialect) {
        return new BenchCase("multi_fact", "visits, staff_cost, staff_cost_per_visit by location x service x month",
                MetricRequest.builder().metrics("visits", "staff_cost", "staff_cost_per_visit")
                        .dimensions("location", "service").grain(Grain.MONTH).between(FROM, TO).build(),
                sql(dialect, """
                with v as (
                    select location_id, service_id, date_trunc('month', scheduled_at)::date as month,
                           count(*) filter (where status = 'completed') as visits
                    from visits
                    where scheduled_at >= ? and scheduled_at < ?
                    group by all
                ), s as (
                    select location_id, service_id, date_trunc('month', started_at)::date as month,
                           sum(cost_amount) as staff_cost
                    from shifts
                    where started_at >= ? and started_at < ?
                    group by all
                )
                select location_id            as location,
                       l.name                 as location_label,
                       service_id             as service,
                       sv.name                as service_label,
                       month,
                       coalesce(v.visits, 0)  as visits,
                       s.staff_cost,
                       s.staff_cost / nullif(v.visits, 0) as staff_cost_per_visit
                from v
                full join s using (location_id, service_id, month)
                left join locations l using (location_id)
                left join services sv using (service_id)
                order by location_label, location, service_label, service, month
                """, """
                with v as (
                    select location_id, service_id, date_trunc('month', scheduled_at)::date as month,
                           count(*) filter (where status = 'completed') as visits
                    from visits
                    where scheduled_at >= ? and scheduled_at < ?
                    group by 1, 2, 3
                ), s as (
                    select location_id, service_id, date_trunc('month', started_at)::date as month,
                           sum(cost_amount) as staff_cost
                    from shifts
                    where started_at >= ? and started_at < ?
                    group by 1, 2, 3
                )
                select location_id            as location,
                       l.name                 as location_label,
                       service_id             as service,
                       sv.name                as service_label,
                       month,
                       coalesce(v.visits, 0)  as visits,
                       s.staff_cost,
                       s.staff_cost / nullif(v.visits, 0) as staff_cost_per_visit
                from v
                full join s using (location_id, service_id, month)
                left join locations l using (location_id)
                left join services sv using (service_id)
                order by location_label, location, service_label, service, month
                """, """
                with v as (
                    select location_id, service_id, cast(date_format(scheduled_at, '%Y-%m-01') as date) as month,
                           sum(status = 'completed') as visits
                    from visits
                    where scheduled_at >= ? and scheduled_at < ?
                    group by location_id, service_id, month
                ), s as (
                    select location_id, service_id, cast(date_format(started_at, '%Y-%m-01') as date) as month,
                           sum(cost_amount) as staff_cost
                    from shifts
                    where started_at >= ? and started_at < ?
                    group by location_id, service_id, month
                ), j as (
                    select v.location_id, v.service_id, v.month, v.visits, s.staff_cost
                    from v
                    left join s on s.location_id = v.location_id and s.service_id = v.service_id and s.month = v.month
                    union all
                    select s.location_id, s.service_id, s.month, null, s.staff_cost
                    from s
                    left join v on v.location_id = s.location_id and v.service_id = s.service_id and v.month = s.month
                    where v.location_id is null
                )
                select j.location_id          as location,
                       l.name                 as location_label,
                       j.service_id           as service,
                       sv.name                as service_label,
                       j.month,
                       coalesce(j.visits, 0)  as visits,
                       j.staff_cost,
                       1e0 * j.staff_cost / nullif(j.visits, 0) as staff_cost_per_visit
                from j
                left join locations l on l.location_id = j.location_id
                left join services sv on sv.service_id = j.service_id
                order by location_label is null, location_label, location, service_label is null, service_label, service, month
                """, """
                with v as (
                    select location_id, service_id, cast(date_trunc('month', scheduled_at) as date) as month,
                           count_if(status = 'completed') as visits
                    from visits
                    where scheduled_at >= ? and scheduled_at < ?
                    group by 1, 2, 3
                ), s as (
                    select location_id, service_id, cast(date_trunc('month', started_at) as date) as month,
                           sum(cost_amount) as staff_cost
                    from shifts
                    where started_at >= ? and started_at < ?
                    group by 1, 2, 3
                )
                select location_id            as location,
                       l.name                 as location_label,
                       service_id             as service,
                       sv.name                as service_label,
                       month,
                       coalesce(v.visits, 0)  as visits,
                       s.staff_cost,
                       cast(s.staff_cost as double) / nullif(v.visits, 0) as staff_cost_per_visit
                from v
                full join s using (location_id, service_id, month)
                left join locations l using (location_id)
                left join services sv using (service_id)
                order by location_label, location, service_label, service, month
                """), List.of(FROM, TO, FROM, TO));
    }

    public static BenchCase ratio() {
        return ratio(SQLDialect.DUCKDB);
    }

    public static BenchCase ratio(SQLDialect dialect) {
        return new BenchCase("ratio", "no_show_rate by region x week",
                MetricRequest.builder().metrics("no_show_rate").dimensions("region")
                        .grain(Grain.WEEK).between(FROM, TO).build(),
                sql(dialect, """
                select l.region,
                       date_trunc('week', v.scheduled_at)::date as week,
                       count(*) filter (where v.status = 'no_show')
                         / nullif(count(*) filter (where v.status in ('completed', 'no_show')), 0) as no_show_rate
                from visits v
                join locations l on l.location_id = v.location_id
                where v.scheduled_at >= ? and v.scheduled_at < ?
                group by all
                order by region, week
                """, """
                select l.region,
                       date_trunc('week', v.scheduled_at)::date as week,
                       (count(*) filter (where v.status = 'no_show'))::float8
                         / nullif(count(*) filter (where v.status in ('completed', 'no_show')), 0) as no_show_rate
                from visits v
                join locations l on l.location_id = v.location_id
                where v.scheduled_at >= ? and v.scheduled_at < ?
                group by 1, 2
                order by region, week
                """, """
                select l.region,
                       cast(v.scheduled_at as date) - interval weekday(v.scheduled_at) day as week,
                       1e0 * sum(v.status = 'no_show')
                         / nullif(sum(v.status in ('completed', 'no_show')), 0) as no_show_rate
                from visits v
                join locations l on l.location_id = v.location_id
                where v.scheduled_at >= ? and v.scheduled_at < ?
                group by l.region, week
                order by l.region is null, l.region, week
                """, """
                select l.region,
                       cast(date_trunc('week', v.scheduled_at) as date) as week,
                       cast(count_if(v.status = 'no_show') as double)
                         / nullif(count_if(v.status in ('completed', 'no_show')), 0) as no_show_rate
                from visits v
                join locations l on l.location_id = v.location_id
                where v.scheduled_at >= ? and v.scheduled_at < ?
                group by 1, 2
                order by region, week
                """), List.of(FROM, TO));
    }

    public static BenchCase filtered() {
        return filtered(SQLDialect.DUCKDB);
    }

    public static BenchCase filtered(SQLDialect dialect) {
        return new BenchCase("filtered", "visits, avg_visit_minutes by location x month, service = dental",
                MetricRequest.builder().metrics("visits", "avg_visit_minutes").dimensions("location")
                        .grain(Grain.MONTH).between(FROM, TO).filter(DimensionFilter.in("service", "dental")).build(),
                sql(dialect, """
                select v.location_id                             as location,
                       l.name                                    as location_label,
                       date_trunc('month', v.scheduled_at)::date as month,
                       count(*) filter (where v.status = 'completed') as visits,
                       avg(date_diff('second', v.started_at, v.ended_at) / 60.0)
                         filter (where v.status = 'completed')        as avg_visit_minutes
                from visits v
                join locations l on l.location_id = v.location_id
                where v.scheduled_at >= ? and v.scheduled_at < ? and v.service_id = ?
                group by all
                order by location_label, location, month
                """, """
                select v.location_id                             as location,
                       l.name                                    as location_label,
                       date_trunc('month', v.scheduled_at)::date as month,
                       count(*) filter (where v.status = 'completed') as visits,
                       avg(extract(epoch from v.ended_at - v.started_at) / 60)
                         filter (where v.status = 'completed')        as avg_visit_minutes
                from visits v
                join locations l on l.location_id = v.location_id
                where v.scheduled_at >= ? and v.scheduled_at < ? and v.service_id = ?
                group by 1, 2, 3
                order by location_label, location, month
                """, """
                select v.location_id                                          as location,
                       l.name                                                 as location_label,
                       cast(date_format(v.scheduled_at, '%Y-%m-01') as date)  as month,
                       sum(v.status = 'completed')                            as visits,
                       avg(case when v.status = 'completed'
                                then timestampdiff(second, v.started_at, v.ended_at) / 60e0 end) as avg_visit_minutes
                from visits v
                join locations l on l.location_id = v.location_id
                where v.scheduled_at >= ? and v.scheduled_at < ? and v.service_id = ?
                group by v.location_id, l.name, month
                order by location_label, location, month
                """, """
                select v.location_id                                    as location,
                       l.name                                           as location_label,
                       cast(date_trunc('month', v.scheduled_at) as date) as month,
                       count_if(v.status = 'completed')                 as visits,
                       avg(date_diff('second', v.started_at, v.ended_at) / 60e0)
                         filter (where v.status = 'completed')          as avg_visit_minutes
                from visits v
                join locations l on l.location_id = v.location_id
                where v.scheduled_at >= ? and v.scheduled_at < ? and v.service_id = ?
                group by 1, 2, 3
                order by location_label, location, month
                """), List.of(FROM, TO, "dental"));
    }

    /** Also the wide scan of the 256 MiB check: about 300 staff by 730 days. */
    public static BenchCase staffDay() {
        return staffDay(SQLDialect.DUCKDB);
    }

    public static BenchCase staffDay(SQLDialect dialect) {
        return new BenchCase("staff_day", "visits, avg_visit_minutes by staff x day (~100k rows)",
                MetricRequest.builder().metrics("visits", "avg_visit_minutes").dimensions("staff")
                        .grain(Grain.DAY).between(FROM, TO).build(),
                sql(dialect, """
                select v.staff_id              as staff,
                       st.name                 as staff_label,
                       v.scheduled_at::date    as day,
                       count(*) filter (where v.status = 'completed') as visits,
                       avg(date_diff('second', v.started_at, v.ended_at) / 60.0)
                         filter (where v.status = 'completed')        as avg_visit_minutes
                from visits v
                left join staff st on st.staff_id = v.staff_id
                where v.scheduled_at >= ? and v.scheduled_at < ?
                group by all
                order by staff_label, staff, day
                """, """
                select v.staff_id              as staff,
                       st.name                 as staff_label,
                       v.scheduled_at::date    as day,
                       count(*) filter (where v.status = 'completed') as visits,
                       avg(extract(epoch from v.ended_at - v.started_at) / 60)
                         filter (where v.status = 'completed')        as avg_visit_minutes
                from visits v
                left join staff st on st.staff_id = v.staff_id
                where v.scheduled_at >= ? and v.scheduled_at < ?
                group by 1, 2, 3
                order by staff_label, staff, day
                """, """
                select v.staff_id              as staff,
                       st.name                 as staff_label,
                       date(v.scheduled_at)    as day,
                       sum(v.status = 'completed') as visits,
                       avg(case when v.status = 'completed'
                                then timestampdiff(second, v.started_at, v.ended_at) / 60e0 end) as avg_visit_minutes
                from visits v
                left join staff st on st.staff_id = v.staff_id
                where v.scheduled_at >= ? and v.scheduled_at < ?
                group by v.staff_id, st.name, day
                order by staff_label is null, staff_label, staff, day
                """, """
                select v.staff_id                      as staff,
                       st.name                         as staff_label,
                       cast(v.scheduled_at as date)    as day,
                       count_if(v.status = 'completed') as visits,
                       avg(date_diff('second', v.started_at, v.ended_at) / 60e0)
                         filter (where v.status = 'completed') as avg_visit_minutes
                from visits v
                left join staff st on st.staff_id = v.staff_id
                where v.scheduled_at >= ? and v.scheduled_at < ?
                group by 1, 2, 3
                order by staff_label, staff, day
                """), List.of(FROM, TO));
    }
}
