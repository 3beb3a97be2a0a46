with
  `visits_agg` as (
    select
      `staff`.`role_group_id` as `role_group`,
      `visits_by_key`.`week` as `week`,
      cast(
        sum(`visits_by_key`.`completed_visits`)
        as signed
      ) as `completed_visits`,
      sum(`visits_by_key`.`visit_minutes_total`) as `visit_minutes_total`
    from (
      select
        `visits`.`staff_id` as `staff_fk`,
        date_add(cast(`visits`.`scheduled_at` as date), interval -(weekday(`visits`.`scheduled_at`)) day) as `week`,
        count(case
          when `visits`.`status` = 'completed' then 1
        end) as `completed_visits`,
        sum(case
          when `visits`.`status` = 'completed' then ((timestampdiff(second, `visits`.`started_at`, `visits`.`ended_at`) * 1E0) / 6E1)
        end) as `visit_minutes_total`
      from `visits`
      where (
        `visits`.`scheduled_at` >= {ts '2024-01-01 00:00:00.0'}
        and `visits`.`scheduled_at` < {ts '2024-02-01 00:00:00.0'}
      )
      group by
        `visits`.`staff_id`,
        date_add(cast(`visits`.`scheduled_at` as date), interval -(weekday(`visits`.`scheduled_at`)) day)
    ) as `visits_by_key`
      left outer join `staff`
        on `staff`.`staff_id` = `visits_by_key`.`staff_fk`
    group by `staff`.`role_group_id`, `visits_by_key`.`week`
  ),
  `shifts_agg` as (
    select
      `staff`.`role_group_id` as `role_group`,
      date_add(cast(`shifts`.`started_at` as date), interval -(weekday(`shifts`.`started_at`)) day) as `week`,
      sum(case
        when `role_groups`.`clinical` = true then ((timestampdiff(second, `shifts`.`started_at`, `shifts`.`ended_at`) * 1E0) / 3.6E3)
      end) as `clinical_shift_hours`,
      sum(case
        when `role_groups`.`clinical` = true then ((timestampdiff(second, `shifts`.`started_at`, `shifts`.`ended_at`) * 1E0) / 6E1)
      end) as `clinical_shift_minutes`
    from `shifts`
      left outer join `staff`
        on `staff`.`staff_id` = `shifts`.`staff_id`
      left outer join `role_groups`
        on `role_groups`.`role_group_id` = `staff`.`role_group_id`
    where (
      `shifts`.`started_at` >= {ts '2024-01-01 00:00:00.0'}
      and `shifts`.`started_at` < {ts '2024-02-01 00:00:00.0'}
    )
    group by
      `staff`.`role_group_id`,
      date_add(cast(`shifts`.`started_at` as date), interval -(weekday(`shifts`.`started_at`)) day)
  ),
  `all_keys` as (
    select `visits_agg`.`role_group`, `visits_agg`.`week`
    from `visits_agg`
    union
    select `shifts_agg`.`role_group`, `shifts_agg`.`week`
    from `shifts_agg`
  ),
  `result` as (
    select
      `all_keys`.`role_group` as `role_group`,
      `all_keys`.`week` as `week`,
      ((coalesce(`visits_agg`.`completed_visits`, 0) * 1E0) / nullif(
        (`shifts_agg`.`clinical_shift_hours` * 1E0),
        0
      )) as `visits_per_clinical_hour`,
      ((`visits_agg`.`visit_minutes_total` * 1E0) / nullif(
        (`shifts_agg`.`clinical_shift_minutes` * 1E0),
        0
      )) as `utilization`
    from `all_keys`
      left outer join `visits_agg`
        on (
          (`all_keys`.`role_group` <=> `visits_agg`.`role_group`)
          and `all_keys`.`week` = `visits_agg`.`week`
        )
      left outer join `shifts_agg`
        on (
          (`all_keys`.`role_group` <=> `shifts_agg`.`role_group`)
          and `all_keys`.`week` = `shifts_agg`.`week`
        )
  )
select
  `result`.`role_group` as `role_group`,
  `role_groups`.`name` as `role_group_label`,
  `result`.`week` as `week`,
  `result`.`visits_per_clinical_hour` as `visits_per_clinical_hour`,
  `result`.`utilization` as `utilization`
from `result`
  left outer join `role_groups`
    on `role_groups`.`role_group_id` = `result`.`role_group`
order by
  case
    when `role_groups`.`name` is not null then 0
    else 1
  end, `role_groups`.`name` asc,
  case
    when `result`.`role_group` is not null then 0
    else 1
  end, `result`.`role_group` asc,
  case
    when `result`.`week` is not null then 0
    else 1
  end, `result`.`week` asc;
