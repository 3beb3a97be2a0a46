with
  "visits_agg" as (
    select
      "visits"."service_id" as "service",
      percentile_cont(0.5) within group (order by case
        when "visits"."status" = 'completed' then (cast(
          extract(epoch from ("visits"."ended_at" - "visits"."started_at"))
          as double precision
        ) / cast(6E1 as double precision))
      end) as "visit_minutes_median",
      percentile_cont(cast(9E-1 as double precision)) within group (order by case
        when "visits"."status" = 'completed' then (cast(
          extract(epoch from ("visits"."started_at" - "visits"."checked_in_at"))
          as double precision
        ) / cast(6E1 as double precision))
      end) as "wait_minutes_p90"
    from "visits"
    where (
      "visits"."scheduled_at" >= timestamp '2024-01-01 00:00:00.0'
      and "visits"."scheduled_at" < timestamp '2024-07-01 00:00:00.0'
    )
    group by "visits"."service_id"
  ),
  "result" as (
    select
      "visits_agg"."service" as "service",
      "visits_agg"."visit_minutes_median" as "median_visit_minutes",
      "visits_agg"."wait_minutes_p90" as "p90_wait_minutes"
    from "visits_agg"
  )
select
  "result"."service" as "service",
  "services"."name" as "service_label",
  "result"."median_visit_minutes" as "median_visit_minutes",
  "result"."p90_wait_minutes" as "p90_wait_minutes"
from "result"
  left outer join "services"
    on "services"."service_id" = "result"."service"
order by
  "services"."name" asc nulls last,
  "result"."service" asc nulls last;
