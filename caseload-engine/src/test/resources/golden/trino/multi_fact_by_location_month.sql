with
  "visits_agg" as (
    select
      "visits"."location_id" as "location",
      "visits"."service_id" as "service",
      cast(
        date_trunc('month', "visits"."scheduled_at")
        as date
      ) as "month",
      count(*) filter (where "visits"."status" = 'completed') as "completed_visits"
    from "visits"
    where (
      "visits"."scheduled_at" >= timestamp '2024-01-01 00:00:00.0'
      and "visits"."scheduled_at" < timestamp '2024-07-01 00:00:00.0'
    )
    group by
      "visits"."location_id",
      "visits"."service_id",
      cast(
        date_trunc('month', "visits"."scheduled_at")
        as date
      )
  ),
  "shifts_agg" as (
    select
      "shifts"."location_id" as "location",
      "shifts"."service_id" as "service",
      cast(
        date_trunc('month', "shifts"."started_at")
        as date
      ) as "month",
      sum("shifts"."cost_amount") as "shift_cost"
    from "shifts"
    where (
      "shifts"."started_at" >= timestamp '2024-01-01 00:00:00.0'
      and "shifts"."started_at" < timestamp '2024-07-01 00:00:00.0'
    )
    group by
      "shifts"."location_id",
      "shifts"."service_id",
      cast(
        date_trunc('month', "shifts"."started_at")
        as date
      )
  ),
  "all_keys" as (
    select "visits_agg"."location", "visits_agg"."service", "visits_agg"."month"
    from "visits_agg"
    union
    select "shifts_agg"."location", "shifts_agg"."service", "shifts_agg"."month"
    from "shifts_agg"
  ),
  "result" as (
    select
      "all_keys"."location" as "location",
      "all_keys"."service" as "service",
      "all_keys"."month" as "month",
      coalesce("visits_agg"."completed_visits", 0) as "visits",
      "shifts_agg"."shift_cost" as "staff_cost",
      (cast("shifts_agg"."shift_cost" as double) / nullif(
        cast(
          coalesce("visits_agg"."completed_visits", 0)
          as double
        ),
        0
      )) as "staff_cost_per_visit"
    from "all_keys"
      left outer join "visits_agg"
        on (
          "all_keys"."location" = "visits_agg"."location"
          and "all_keys"."service" is not distinct from "visits_agg"."service"
          and "all_keys"."month" = "visits_agg"."month"
        )
      left outer join "shifts_agg"
        on (
          "all_keys"."location" = "shifts_agg"."location"
          and "all_keys"."service" is not distinct from "shifts_agg"."service"
          and "all_keys"."month" = "shifts_agg"."month"
        )
  )
select
  "result"."location" as "location",
  "locations"."name" as "location_label",
  "result"."service" as "service",
  "services"."name" as "service_label",
  "result"."month" as "month",
  "result"."visits" as "visits",
  "result"."staff_cost" as "staff_cost",
  "result"."staff_cost_per_visit" as "staff_cost_per_visit"
from "result"
  left outer join "locations"
    on "locations"."location_id" = "result"."location"
  left outer join "services"
    on "services"."service_id" = "result"."service"
order by
  "locations"."name" asc nulls last,
  "result"."location" asc nulls last,
  "services"."name" asc nulls last,
  "result"."service" asc nulls last,
  "result"."month" asc nulls last;
