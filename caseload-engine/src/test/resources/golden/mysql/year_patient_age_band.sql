with
  `visits_agg` as (
    select
      case
        when `patients`.`birth_year` is null then 'unknown'
        when (extract(year from `visits`.`scheduled_at`) - `patients`.`birth_year`) < 18 then '0-17'
        when (extract(year from `visits`.`scheduled_at`) - `patients`.`birth_year`) < 35 then '18-34'
        when (extract(year from `visits`.`scheduled_at`) - `patients`.`birth_year`) < 50 then '35-49'
        when (extract(year from `visits`.`scheduled_at`) - `patients`.`birth_year`) < 65 then '50-64'
        else '65+'
      end as `patient_age_band`,
      `patients`.`sex` as `patient_sex`,
      makedate(
        extract(year from `visits`.`scheduled_at`),
        1
      ) as `year`,
      count(distinct case
        when `visits`.`status` = 'completed' then `visits`.`patient_id`
      end) as `distinct_patients`,
      avg(case
        when `visits`.`status` = 'completed' then ((timestampdiff(second, `visits`.`started_at`, `visits`.`ended_at`) * 1E0) / 6E1)
      end) as `visit_minutes_avg`
    from `visits`
      left outer join `patients`
        on `patients`.`patient_id` = `visits`.`patient_id`
    group by
      case
        when `patients`.`birth_year` is null then 'unknown'
        when (extract(year from `visits`.`scheduled_at`) - `patients`.`birth_year`) < 18 then '0-17'
        when (extract(year from `visits`.`scheduled_at`) - `patients`.`birth_year`) < 35 then '18-34'
        when (extract(year from `visits`.`scheduled_at`) - `patients`.`birth_year`) < 50 then '35-49'
        when (extract(year from `visits`.`scheduled_at`) - `patients`.`birth_year`) < 65 then '50-64'
        else '65+'
      end,
      `patients`.`sex`,
      makedate(
        extract(year from `visits`.`scheduled_at`),
        1
      )
  ),
  `result` as (
    select
      `visits_agg`.`patient_age_band` as `patient_age_band`,
      `visits_agg`.`patient_sex` as `patient_sex`,
      `visits_agg`.`year` as `year`,
      `visits_agg`.`distinct_patients` as `patients`,
      `visits_agg`.`visit_minutes_avg` as `avg_visit_minutes`
    from `visits_agg`
  )
select
  `result`.`patient_age_band` as `patient_age_band`,
  `result`.`patient_sex` as `patient_sex`,
  `result`.`year` as `year`,
  `result`.`patients` as `patients`,
  `result`.`avg_visit_minutes` as `avg_visit_minutes`
from `result`
order by
  case
    when `result`.`patient_age_band` is not null then 0
    else 1
  end, `result`.`patient_age_band` asc,
  case
    when `result`.`patient_sex` is not null then 0
    else 1
  end, `result`.`patient_sex` asc,
  case
    when `result`.`year` is not null then 0
    else 1
  end, `result`.`year` asc;
