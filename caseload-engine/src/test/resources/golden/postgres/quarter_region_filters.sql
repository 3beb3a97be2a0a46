with
  "visits_agg" as (
    select
      "locations"."region" as "region",
      "visits_by_key"."quarter" as "quarter",
      sum("visits_by_key"."charge_total") as "charge_total"
    from (
      select
        "visits"."location_id" as "locations_fk",
        cast(
          date_trunc('quarter', "visits"."scheduled_at")
          as date
        ) as "quarter",
        sum("visits"."charge_amount") filter (where "visits"."status" = 'completed') as "charge_total"
      from "visits"
      where (
        "visits"."scheduled_at" >= timestamp '2024-01-01 00:00:00.0'
        and "visits"."scheduled_at" < timestamp '2025-01-01 00:00:00.0'
        and (
          "visits"."service_id" in (
            'dental', 'Urgent care'
          )
          or "visits"."service_id" in (
            select "services_by_label"."service_id"
            from "services" as "services_by_label"
            where "services_by_label"."name" in (
              'dental', 'Urgent care'
            )
          )
        )
        and not (
          "visits"."location_id" in ('O''Brien Family Clinic')
          or "visits"."location_id" in (
            select "locations_by_label"."location_id"
            from "locations" as "locations_by_label"
            where "locations_by_label"."name" in ('O''Brien Family Clinic')
          )
        )
      )
      group by
        "visits"."location_id",
        cast(
          date_trunc('quarter', "visits"."scheduled_at")
          as date
        )
    ) as "visits_by_key"
      left outer join "locations"
        on "locations"."location_id" = "visits_by_key"."locations_fk"
    group by "locations"."region", "visits_by_key"."quarter"
  ),
  "shifts_agg" as (
    select
      "locations"."region" as "region",
      "shifts_by_key"."quarter" as "quarter",
      sum("shifts_by_key"."shift_hours") as "shift_hours"
    from (
      select
        "shifts"."location_id" as "locations_fk",
        cast(
          date_trunc('quarter', "shifts"."started_at")
          as date
        ) as "quarter",
        sum((cast(
          extract(epoch from ("shifts"."ended_at" - "shifts"."started_at"))
          as double precision
        ) / cast(3.6E3 as double precision))) as "shift_hours"
      from "shifts"
      where (
        "shifts"."started_at" >= timestamp '2024-01-01 00:00:00.0'
        and "shifts"."started_at" < timestamp '2025-01-01 00:00:00.0'
        and (
          "shifts"."service_id" in (
            'dental', 'Urgent care'
          )
          or "shifts"."service_id" in (
            select "services_by_label"."service_id"
            from "services" as "services_by_label"
            where "services_by_label"."name" in (
              'dental', 'Urgent care'
            )
          )
        )
        and not (
          "shifts"."location_id" in ('O''Brien Family Clinic')
          or "shifts"."location_id" in (
            select "locations_by_label"."location_id"
            from "locations" as "locations_by_label"
            where "locations_by_label"."name" in ('O''Brien Family Clinic')
          )
        )
      )
      group by
        "shifts"."location_id",
        cast(
          date_trunc('quarter', "shifts"."started_at")
          as date
        )
    ) as "shifts_by_key"
      left outer join "locations"
        on "locations"."location_id" = "shifts_by_key"."locations_fk"
    group by "locations"."region", "shifts_by_key"."quarter"
  ),
  "all_keys" as (
    select "visits_agg"."region", "visits_agg"."quarter"
    from "visits_agg"
    union
    select "shifts_agg"."region", "shifts_agg"."quarter"
    from "shifts_agg"
  ),
  "result" as (
    select
      "all_keys"."region" as "region",
      "all_keys"."quarter" as "quarter",
      "visits_agg"."charge_total" as "charges",
      (cast("visits_agg"."charge_total" as double precision) / nullif(
        cast("shifts_agg"."shift_hours" as double precision),
        0
      )) as "revenue_per_staff_hour"
    from "all_keys"
      left outer join "visits_agg"
        on (
          "all_keys"."region" is not distinct from "visits_agg"."region"
          and "all_keys"."quarter" = "visits_agg"."quarter"
        )
      left outer join "shifts_agg"
        on (
          "all_keys"."region" is not distinct from "shifts_agg"."region"
          and "all_keys"."quarter" = "shifts_agg"."quarter"
        )
  )
select
  "result"."region" as "region",
  "result"."quarter" as "quarter",
  "result"."charges" as "charges",
  "result"."revenue_per_staff_hour" as "revenue_per_staff_hour"
from "result"
order by
  "result"."region" asc nulls last,
  "result"."quarter" asc nulls last;
