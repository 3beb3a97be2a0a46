package org.caseload.bench.e2e;

import java.time.LocalDate;
import java.util.List;
import org.caseload.engine.query.DimensionFilter;
import org.caseload.engine.query.MetricRequest;
import org.caseload.model.Grain;

/**
 * The representative questions. The hand-written SQL is what an analyst would type for the same
 * question, not the engine's output: joins before grouping, {@code group by all}, a FULL JOIN for
 * two facts, the filter on the key the analyst knows. Differences in shape are part of what the
 * comparison measures; only the rows must agree.
 */
public final class BenchCases {
    /** The whole demo calendar, so every case reads every row of its fact. */
    public static final LocalDate FROM = LocalDate.of(2024, 1, 1);
    public static final LocalDate TO = LocalDate.of(2026, 1, 1);

    private BenchCases() {}

    public static List<BenchCase> all() {
        return List.of(singleFact(), multiFact(), ratio(), filtered(), staffDay());
    }

    public static BenchCase singleFact() {
        return new BenchCase("single_fact", "visits, charges by location x month",
                MetricRequest.builder().metrics("visits", "charges").dimensions("location")
                        .grain(Grain.MONTH).between(FROM, TO).build(),
                """
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
                """, List.of(FROM, TO));
    }

    public static BenchCase multiFact() {
        return new BenchCase("multi_fact", "visits, staff_cost, staff_cost_per_visit by location x service x month",
                MetricRequest.builder().metrics("visits", "staff_cost", "staff_cost_per_visit")
                        .dimensions("location", "service").grain(Grain.MONTH).between(FROM, TO).build(),
                """
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
                """, List.of(FROM, TO, FROM, TO));
    }

    public static BenchCase ratio() {
        return new BenchCase("ratio", "no_show_rate by region x week",
                MetricRequest.builder().metrics("no_show_rate").dimensions("region")
                        .grain(Grain.WEEK).between(FROM, TO).build(),
                """
                select l.region,
                       date_trunc('week', v.scheduled_at)::date as week,
                       count(*) filter (where v.status = 'no_show')
                         / nullif(count(*) filter (where v.status in ('completed', 'no_show')), 0) as no_show_rate
                from visits v
                join locations l on l.location_id = v.location_id
                where v.scheduled_at >= ? and v.scheduled_at < ?
                group by all
                order by region, week
                """, List.of(FROM, TO));
    }

    public static BenchCase filtered() {
        return new BenchCase("filtered", "visits, avg_visit_minutes by location x month, service = dental",
                MetricRequest.builder().metrics("visits", "avg_visit_minutes").dimensions("location")
                        .grain(Grain.MONTH).between(FROM, TO).filter(DimensionFilter.in("service", "dental")).build(),
                """
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
                """, List.of(FROM, TO, "dental"));
    }

    /** Also the wide scan of the 256 MiB check: about 300 staff by 730 days. */
    public static BenchCase staffDay() {
        return new BenchCase("staff_day", "visits, avg_visit_minutes by staff x day (~100k rows)",
                MetricRequest.builder().metrics("visits", "avg_visit_minutes").dimensions("staff")
                        .grain(Grain.DAY).between(FROM, TO).build(),
                """
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
                """, List.of(FROM, TO));
    }
}
