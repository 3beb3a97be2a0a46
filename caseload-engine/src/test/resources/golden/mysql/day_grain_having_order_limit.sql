with
  `visits_agg` as (
    select
      `visits`.`staff_id` as `staff`,
      cast(`visits`.`scheduled_at` as date) as `day`,
      count(case
        when `visits`.`status` = 'completed' then 1
      end) as `completed_visits`,
      avg(case
        when `visits`.`status` = 'completed' then ((timestampdiff(second, `visits`.`checked_in_at`, `visits`.`started_at`) * 1E0) / 6E1)
      end) as `wait_minutes_avg`
    from `visits`
    where (
      `visits`.`scheduled_at` >= {ts '2024-01-01 00:00:00.0'}
      and `visits`.`scheduled_at` < {ts '2024-01-08 00:00:00.0'}
    )
    group by
      `visits`.`staff_id`,
      cast(`visits`.`scheduled_at` as date)
  ),
  `result` as (
    select
      `visits_agg`.`staff` as `staff`,
      `visits_agg`.`day` as `day`,
      `visits_agg`.`completed_visits` as `visits`,
      `visits_agg`.`wait_minutes_avg` as `avg_wait_minutes`
    from `visits_agg`
  )
select
  `result`.`staff` as `staff`,
  `staff_labels`.`name` as `staff_label`,
  `result`.`day` as `day`,
  `result`.`visits` as `visits`,
  `result`.`avg_wait_minutes` as `avg_wait_minutes`
from `result`
  left outer join `staff` as `staff_labels`
    on `staff_labels`.`staff_id` = `result`.`staff`
where `result`.`visits` > 10
order by
  case
    when `result`.`avg_wait_minutes` is not null then 0
    else 1
  end, `result`.`avg_wait_minutes` desc,
  case
    when `staff_labels`.`name` is not null then 0
    else 1
  end, `staff_labels`.`name` asc,
  case
    when `result`.`staff` is not null then 0
    else 1
  end, `result`.`staff` asc,
  case
    when `result`.`day` is not null then 0
    else 1
  end, `result`.`day` asc
limit 20;
