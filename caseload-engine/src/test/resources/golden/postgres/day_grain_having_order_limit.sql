with
  "visits_agg" as (
    select
      "visits"."staff_id" as "staff",
      cast(
        date_trunc('day', "visits"."scheduled_at")
        as date
      ) as "day",
      count(*) filter (where "visits"."status" = 'completed') as "completed_visits",
      avg((cast(
        extract(epoch from ("visits"."started_at" - "visits"."checked_in_at"))
        as double precision
      ) / cast(6E1 as double precision))) filter (where "visits"."status" = 'completed') as "wait_minutes_avg"
    from "visits"
    where (
      "visits"."scheduled_at" >= timestamp '2024-01-01 00:00:00.0'
      and "visits"."scheduled_at" < timestamp '2024-01-08 00:00:00.0'
    )
    group by
      "visits"."staff_id",
      cast(
        date_trunc('day', "visits"."scheduled_at")
        as date
      )
  ),
  "result" as (
    select
      "visits_agg"."staff" as "staff",
      "visits_agg"."day" as "day",
      "visits_agg"."completed_visits" as "visits",
      "visits_agg"."wait_minutes_avg" as "avg_wait_minutes"
    from "visits_agg"
  )
select
  "result"."staff" as "staff",
  "staff_labels"."name" as "staff_label",
  "result"."day" as "day",
  "result"."visits" as "visits",
  "result"."avg_wait_minutes" as "avg_wait_minutes"
from "result"
  left outer join "staff" as "staff_labels"
    on "staff_labels"."staff_id" = "result"."staff"
where "result"."visits" > 10
order by
  "result"."avg_wait_minutes" desc nulls last,
  "staff_labels"."name" asc nulls last,
  "result"."staff" asc nulls last,
  "result"."day" asc nulls last
fetch next 20 rows only;
