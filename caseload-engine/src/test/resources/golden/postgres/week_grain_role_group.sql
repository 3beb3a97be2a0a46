with
  "visits_agg" as (
    select
      "staff"."role_group_id" as "role_group",
      "visits_by_key"."week" as "week",
      cast(
        sum("visits_by_key"."completed_visits")
        as bigint
      ) as "completed_visits",
      sum("visits_by_key"."visit_minutes_total") as "visit_minutes_total"
    from (
      select
        "visits"."staff_id" as "staff_fk",
        cast(
          date_trunc('week', "visits"."scheduled_at")
          as date
        ) as "week",
        count(*) filter (where "visits"."status" = 'completed') as "completed_visits",
        sum((cast(
          extract(epoch from ("visits"."ended_at" - "visits"."started_at"))
          as double precision
        ) / cast(6E1 as double precision))) filter (where "visits"."status" = 'completed') as "visit_minutes_total"
      from "visits"
      where (
        "visits"."scheduled_at" >= timestamp '2024-01-01 00:00:00.0'
        and "visits"."scheduled_at" < timestamp '2024-02-01 00:00:00.0'
      )
      group by
        "visits"."staff_id",
        cast(
          date_trunc('week', "visits"."scheduled_at")
          as date
        )
    ) as "visits_by_key"
      left outer join "staff"
        on "staff"."staff_id" = "visits_by_key"."staff_fk"
    group by "staff"."role_group_id", "visits_by_key"."week"
  ),
  "shifts_agg" as (
    select
      "staff"."role_group_id" as "role_group",
      cast(
        date_trunc('week', "shifts"."started_at")
        as date
      ) as "week",
      sum((cast(
        extract(epoch from ("shifts"."ended_at" - "shifts"."started_at"))
        as double precision
      ) / cast(3.6E3 as double precision))) filter (where "role_groups"."clinical" = true) as "clinical_shift_hours",
      sum((cast(
        extract(epoch from ("shifts"."ended_at" - "shifts"."started_at"))
        as double precision
      ) / cast(6E1 as double precision))) filter (where "role_groups"."clinical" = true) as "clinical_shift_minutes"
    from "shifts"
      left outer join "staff"
        on "staff"."staff_id" = "shifts"."staff_id"
      left outer join "role_groups"
        on "role_groups"."role_group_id" = "staff"."role_group_id"
    where (
      "shifts"."started_at" >= timestamp '2024-01-01 00:00:00.0'
      and "shifts"."started_at" < timestamp '2024-02-01 00:00:00.0'
    )
    group by
      "staff"."role_group_id",
      cast(
        date_trunc('week', "shifts"."started_at")
        as date
      )
  ),
  "all_keys" as (
    select "visits_agg"."role_group", "visits_agg"."week"
    from "visits_agg"
    union
    select "shifts_agg"."role_group", "shifts_agg"."week"
    from "shifts_agg"
  ),
  "result" as (
    select
      "all_keys"."role_group" as "role_group",
      "all_keys"."week" as "week",
      (cast(
        coalesce("visits_agg"."completed_visits", 0)
        as double precision
      ) / nullif(
        cast("shifts_agg"."clinical_shift_hours" as double precision),
        0
      )) as "visits_per_clinical_hour",
      (cast("visits_agg"."visit_minutes_total" as double precision) / nullif(
        cast("shifts_agg"."clinical_shift_minutes" as double precision),
        0
      )) as "utilization"
    from "all_keys"
      left outer join "visits_agg"
        on (
          "all_keys"."role_group" is not distinct from "visits_agg"."role_group"
          and "all_keys"."week" = "visits_agg"."week"
        )
      left outer join "shifts_agg"
        on (
          "all_keys"."role_group" is not distinct from "shifts_agg"."role_group"
          and "all_keys"."week" = "shifts_agg"."week"
        )
  )
select
  "result"."role_group" as "role_group",
  "role_groups"."name" as "role_group_label",
  "result"."week" as "week",
  "result"."visits_per_clinical_hour" as "visits_per_clinical_hour",
  "result"."utilization" as "utilization"
from "result"
  left outer join "role_groups"
    on "role_groups"."role_group_id" = "result"."role_group"
order by
  "role_groups"."name" asc nulls last,
  "result"."role_group" asc nulls last,
  "result"."week" asc nulls last;
