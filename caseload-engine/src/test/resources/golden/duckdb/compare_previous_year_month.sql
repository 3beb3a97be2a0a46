with
  "visits_agg" as (
    select
      cast(
        date_trunc('month', "visits"."scheduled_at")
        as date
      ) as "month",
      count(*) filter (where "visits"."status" in (
        'completed', 'no_show'
      )) as "booked_visits",
      count(*) filter (where "visits"."status" = 'no_show') as "no_show_visits"
    from "visits"
    where (
      "visits"."scheduled_at" >= timestamp '2025-01-01 00:00:00.0'
      and "visits"."scheduled_at" < timestamp '2025-04-01 00:00:00.0'
    )
    group by cast(
      date_trunc('month', "visits"."scheduled_at")
      as date
    )
  ),
  "result" as (
    select
      "visits_agg"."month" as "month",
      "visits_agg"."booked_visits" as "booked",
      "visits_agg"."no_show_visits" as "no_shows"
    from "visits_agg"
  ),
  "visits_agg_previous" as (
    select
      cast(
        date_trunc(
          'month',
          ("visits"."scheduled_at" + 12 * interval '1 month')
        )
        as date
      ) as "month",
      count(*) filter (where "visits"."status" in (
        'completed', 'no_show'
      )) as "booked_visits",
      count(*) filter (where "visits"."status" = 'no_show') as "no_show_visits"
    from "visits"
    where (
      "visits"."scheduled_at" >= timestamp '2024-01-01 00:00:00.0'
      and "visits"."scheduled_at" < timestamp '2024-04-01 00:00:00.0'
    )
    group by cast(
      date_trunc(
        'month',
        ("visits"."scheduled_at" + 12 * interval '1 month')
      )
      as date
    )
  ),
  "previous" as (
    select
      "visits_agg_previous"."month" as "month",
      "visits_agg_previous"."booked_visits" as "booked",
      "visits_agg_previous"."no_show_visits" as "no_shows"
    from "visits_agg_previous"
  )
select
  "result"."month" as "month",
  "result"."booked" as "booked",
  "result"."no_shows" as "no_shows",
  "previous"."booked" as "booked_previous",
  ("result"."booked" - "previous"."booked") as "booked_delta",
  (cast(
    ("result"."booked" - "previous"."booked")
    as double
  ) / nullif(
    cast("previous"."booked" as double),
    0
  )) as "booked_delta_pct",
  "previous"."no_shows" as "no_shows_previous",
  ("result"."no_shows" - "previous"."no_shows") as "no_shows_delta",
  (cast(
    ("result"."no_shows" - "previous"."no_shows")
    as double
  ) / nullif(
    cast("previous"."no_shows" as double),
    0
  )) as "no_shows_delta_pct"
from "result"
  left outer join "previous"
    on "result"."month" = "previous"."month"
order by "result"."month" asc nulls last;
