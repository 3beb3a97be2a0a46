with
  "visits_agg" as (
    select
      "visits"."location_id" as "location",
      cast(
        date_trunc('month', "visits"."scheduled_at")
        as date
      ) as "month",
      count(*) filter (where "visits"."status" = 'completed') as "completed_visits",
      count(distinct (("visits"."staff_id" || '|') || cast(
        cast("visits"."scheduled_at" as date)
        as varchar
      ))) filter (where "visits"."status" = 'completed') as "provider_days"
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
  "shifts_agg" as (
    select
      "shifts"."location_id" as "location",
      cast(
        date_trunc('month', "shifts"."started_at")
        as date
      ) as "month",
      sum((cast(
        extract(epoch from ("shifts"."ended_at" - "shifts"."started_at"))
        as double precision
      ) / cast(3.6E3 as double precision))) as "shift_hours",
      sum((cast(
        extract(epoch from ("shifts"."ended_at" - "shifts"."started_at"))
        as double precision
      ) / cast(3.6E3 as double precision))) filter (where "role_groups"."clinical" = true) as "clinical_shift_hours"
    from "shifts"
      left outer join "staff"
        on "staff"."staff_id" = "shifts"."staff_id"
      left outer join "role_groups"
        on "role_groups"."role_group_id" = "staff"."role_group_id"
    where (
      "shifts"."started_at" >= timestamp '2024-01-01 00:00:00.0'
      and "shifts"."started_at" < timestamp '2024-07-01 00:00:00.0'
    )
    group by
      "shifts"."location_id",
      cast(
        date_trunc('month', "shifts"."started_at")
        as date
      )
  ),
  "all_keys" as (
    select "visits_agg"."location", "visits_agg"."month"
    from "visits_agg"
    union
    select "shifts_agg"."location", "shifts_agg"."month"
    from "shifts_agg"
  ),
  "result" as (
    select
      "all_keys"."location" as "location",
      "all_keys"."month" as "month",
      (cast(
        coalesce("visits_agg"."completed_visits", 0)
        as double precision
      ) / nullif(
        cast(
          coalesce("visits_agg"."provider_days", 0)
          as double precision
        ),
        0
      )) as "visits_per_provider_day",
      "shifts_agg"."shift_hours" as "staff_hours",
      "shifts_agg"."clinical_shift_hours" as "clinical_hours"
    from "all_keys"
      left outer join "visits_agg"
        on (
          "all_keys"."location" = "visits_agg"."location"
          and "all_keys"."month" = "visits_agg"."month"
        )
      left outer join "shifts_agg"
        on (
          "all_keys"."location" = "shifts_agg"."location"
          and "all_keys"."month" = "shifts_agg"."month"
        )
  )
select
  "result"."location" as "location",
  "locations"."name" as "location_label",
  "result"."month" as "month",
  "result"."visits_per_provider_day" as "visits_per_provider_day",
  "result"."staff_hours" as "staff_hours",
  "result"."clinical_hours" as "clinical_hours"
from "result"
  left outer join "locations"
    on "locations"."location_id" = "result"."location"
order by
  "locations"."name" asc nulls last,
  "result"."location" asc nulls last,
  "result"."month" asc nulls last;
