with
  "visits_agg" as (
    select
      "visits"."location_id" as "location",
      count(*) filter (where "visits"."status" = 'completed') as "completed_visits",
      sum("visits"."charge_amount") filter (where "visits"."status" = 'completed') as "charge_total"
    from "visits"
    where (
      "visits"."scheduled_at" >= timestamp '2024-04-01 00:00:00.0'
      and "visits"."scheduled_at" < timestamp '2024-07-01 00:00:00.0'
    )
    group by "visits"."location_id"
  ),
  "shifts_agg" as (
    select
      "shifts"."location_id" as "location",
      sum("shifts"."cost_amount") as "shift_cost"
    from "shifts"
    where (
      "shifts"."started_at" >= timestamp '2024-04-01 00:00:00.0'
      and "shifts"."started_at" < timestamp '2024-07-01 00:00:00.0'
    )
    group by "shifts"."location_id"
  ),
  "all_keys" as (
    select "visits_agg"."location"
    from "visits_agg"
    union
    select "shifts_agg"."location"
    from "shifts_agg"
  ),
  "result" as (
    select
      "all_keys"."location" as "location",
      coalesce("visits_agg"."completed_visits", 0) as "visits",
      (cast("shifts_agg"."shift_cost" as double precision) / nullif(
        cast("visits_agg"."charge_total" as double precision),
        0
      )) as "staff_cost_share"
    from "all_keys"
      left outer join "visits_agg"
        on "all_keys"."location" = "visits_agg"."location"
      left outer join "shifts_agg"
        on "all_keys"."location" = "shifts_agg"."location"
  ),
  "visits_agg_previous" as (
    select
      "visits"."location_id" as "location",
      count(*) filter (where "visits"."status" = 'completed') as "completed_visits",
      sum("visits"."charge_amount") filter (where "visits"."status" = 'completed') as "charge_total"
    from "visits"
    where (
      "visits"."scheduled_at" >= timestamp '2024-01-01 00:00:00.0'
      and "visits"."scheduled_at" < timestamp '2024-04-01 00:00:00.0'
    )
    group by "visits"."location_id"
  ),
  "shifts_agg_previous" as (
    select
      "shifts"."location_id" as "location",
      sum("shifts"."cost_amount") as "shift_cost"
    from "shifts"
    where (
      "shifts"."started_at" >= timestamp '2024-01-01 00:00:00.0'
      and "shifts"."started_at" < timestamp '2024-04-01 00:00:00.0'
    )
    group by "shifts"."location_id"
  ),
  "all_keys_previous" as (
    select "visits_agg_previous"."location"
    from "visits_agg_previous"
    union
    select "shifts_agg_previous"."location"
    from "shifts_agg_previous"
  ),
  "previous" as (
    select
      "all_keys_previous"."location" as "location",
      coalesce("visits_agg_previous"."completed_visits", 0) as "visits",
      (cast("shifts_agg_previous"."shift_cost" as double precision) / nullif(
        cast("visits_agg_previous"."charge_total" as double precision),
        0
      )) as "staff_cost_share"
    from "all_keys_previous"
      left outer join "visits_agg_previous"
        on "all_keys_previous"."location" = "visits_agg_previous"."location"
      left outer join "shifts_agg_previous"
        on "all_keys_previous"."location" = "shifts_agg_previous"."location"
  )
select
  "result"."location" as "location",
  "locations"."name" as "location_label",
  "result"."visits" as "visits",
  "result"."staff_cost_share" as "staff_cost_share",
  "previous"."visits" as "visits_previous",
  ("result"."visits" - "previous"."visits") as "visits_delta",
  (cast(
    ("result"."visits" - "previous"."visits")
    as double precision
  ) / nullif(
    cast("previous"."visits" as double precision),
    0
  )) as "visits_delta_pct",
  "previous"."staff_cost_share" as "staff_cost_share_previous",
  ("result"."staff_cost_share" - "previous"."staff_cost_share") as "staff_cost_share_delta",
  (cast(
    ("result"."staff_cost_share" - "previous"."staff_cost_share")
    as double precision
  ) / nullif(
    cast("previous"."staff_cost_share" as double precision),
    0
  )) as "staff_cost_share_delta_pct"
from "result"
  left outer join "previous"
    on "result"."location" = "previous"."location"
  left outer join "locations"
    on "locations"."location_id" = "result"."location"
order by
  "locations"."name" asc nulls last,
  "result"."location" asc nulls last;
