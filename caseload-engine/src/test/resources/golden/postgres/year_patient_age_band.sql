with
  "visits_agg" as (
    select
      case
        when "patients"."birth_year" is null then 'unknown'
        when (extract(year from "visits"."scheduled_at") - "patients"."birth_year") < 18 then '0-17'
        when (extract(year from "visits"."scheduled_at") - "patients"."birth_year") < 35 then '18-34'
        when (extract(year from "visits"."scheduled_at") - "patients"."birth_year") < 50 then '35-49'
        when (extract(year from "visits"."scheduled_at") - "patients"."birth_year") < 65 then '50-64'
        else '65+'
      end as "patient_age_band",
      "patients"."sex" as "patient_sex",
      cast(
        date_trunc('year', "visits"."scheduled_at")
        as date
      ) as "year",
      count(distinct "visits"."patient_id") filter (where "visits"."status" = 'completed') as "distinct_patients",
      avg((cast(
        extract(epoch from ("visits"."ended_at" - "visits"."started_at"))
        as double precision
      ) / cast(6E1 as double precision))) filter (where "visits"."status" = 'completed') as "visit_minutes_avg"
    from "visits"
      left outer join "patients"
        on "patients"."patient_id" = "visits"."patient_id"
    group by
      case
        when "patients"."birth_year" is null then 'unknown'
        when (extract(year from "visits"."scheduled_at") - "patients"."birth_year") < 18 then '0-17'
        when (extract(year from "visits"."scheduled_at") - "patients"."birth_year") < 35 then '18-34'
        when (extract(year from "visits"."scheduled_at") - "patients"."birth_year") < 50 then '35-49'
        when (extract(year from "visits"."scheduled_at") - "patients"."birth_year") < 65 then '50-64'
        else '65+'
      end,
      "patients"."sex",
      cast(
        date_trunc('year', "visits"."scheduled_at")
        as date
      )
  ),
  "result" as (
    select
      "visits_agg"."patient_age_band" as "patient_age_band",
      "visits_agg"."patient_sex" as "patient_sex",
      "visits_agg"."year" as "year",
      "visits_agg"."distinct_patients" as "patients",
      "visits_agg"."visit_minutes_avg" as "avg_visit_minutes"
    from "visits_agg"
  )
select
  "result"."patient_age_band" as "patient_age_band",
  "result"."patient_sex" as "patient_sex",
  "result"."year" as "year",
  "result"."patients" as "patients",
  "result"."avg_visit_minutes" as "avg_visit_minutes"
from "result"
order by
  "result"."patient_age_band" asc nulls last,
  "result"."patient_sex" asc nulls last,
  "result"."year" asc nulls last;
