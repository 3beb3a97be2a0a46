with
  "visits_agg" as (
    select
      "visits"."location_id" as "location",
      cast(
        date_trunc('month', "visits"."scheduled_at")
        as date
      ) as "month",
      count(*) filter (where "visits"."status" = 'completed') as "completed_visits",
      count(*) filter (where "visits"."status" = 'no_show') as "no_show_visits",
      count(*) filter (where "visits"."status" in (
        'completed', 'no_show'
      )) as "booked_visits"
    from "visits"
    where (
      "visits"."scheduled_at" >= timestamp '2024-01-01 00:00:00.0'
      and "visits"."scheduled_at" < timestamp '2024-07-01 00:00:00.0'
    )
    group by
      "visits"."location_id",
      cast(
        date_trunc('month', "visits"."scheduled_at")
        as date
      )
  ),
  "result" as (
    select
      "visits_agg"."location" as "location",
      "visits_agg"."month" as "month",
      "visits_agg"."completed_visits" as "visits",
      (cast("visits_agg"."no_show_visits" as double) / nullif(
        cast("visits_agg"."booked_visits" as double),
        0
      )) as "no_show_rate"
    from "visits_agg"
  )
select
  "result"."location" as "location",
  "locations"."name" as "location_label",
  "result"."month" as "month",
  "result"."visits" as "visits",
  "result"."no_show_rate" as "no_show_rate"
from "result"
  left outer join "locations"
    on "locations"."location_id" = "result"."location"
order by
  "locations"."name" asc nulls last,
  "result"."location" asc nulls last,
  "result"."month" asc nulls last;
