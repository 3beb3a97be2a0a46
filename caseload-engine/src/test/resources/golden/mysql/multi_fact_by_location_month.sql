with
  `visits_agg` as (
    select
      `visits`.`location_id` as `location`,
      `visits`.`service_id` as `service`,
      date_add(makedate(
        extract(year from `visits`.`scheduled_at`),
        1
      ), interval (extract(month from `visits`.`scheduled_at`) - 1) month) as `month`,
      count(case
        when `visits`.`status` = 'completed' then 1
      end) as `completed_visits`
    from `visits`
    where (
      `visits`.`scheduled_at` >= {ts '2024-01-01 00:00:00.0'}
      and `visits`.`scheduled_at` < {ts '2024-07-01 00:00:00.0'}
    )
    group by
      `visits`.`location_id`,
      `visits`.`service_id`,
      date_add(makedate(
        extract(year from `visits`.`scheduled_at`),
        1
      ), interval (extract(month from `visits`.`scheduled_at`) - 1) month)
  ),
  `shifts_agg` as (
    select
      `shifts`.`location_id` as `location`,
      `shifts`.`service_id` as `service`,
      date_add(makedate(
        extract(year from `shifts`.`started_at`),
        1
      ), interval (extract(month from `shifts`.`started_at`) - 1) month) as `month`,
      sum(`shifts`.`cost_amount`) as `shift_cost`
    from `shifts`
    where (
      `shifts`.`started_at` >= {ts '2024-01-01 00:00:00.0'}
      and `shifts`.`started_at` < {ts '2024-07-01 00:00:00.0'}
    )
    group by
      `shifts`.`location_id`,
      `shifts`.`service_id`,
      date_add(makedate(
        extract(year from `shifts`.`started_at`),
        1
      ), interval (extract(month from `shifts`.`started_at`) - 1) month)
  ),
  `all_keys` as (
    select `visits_agg`.`location`, `visits_agg`.`service`, `visits_agg`.`month`
    from `visits_agg`
    union
    select `shifts_agg`.`location`, `shifts_agg`.`service`, `shifts_agg`.`month`
    from `shifts_agg`
  ),
  `result` as (
    select
      `all_keys`.`location` as `location`,
      `all_keys`.`service` as `service`,
      `all_keys`.`month` as `month`,
      coalesce(`visits_agg`.`completed_visits`, 0) as `visits`,
      `shifts_agg`.`shift_cost` as `staff_cost`,
      ((`shifts_agg`.`shift_cost` * 1E0) / nullif(
        (coalesce(`visits_agg`.`completed_visits`, 0) * 1E0),
        0
      )) as `staff_cost_per_visit`
    from `all_keys`
      left outer join `visits_agg`
        on (
          `all_keys`.`location` = `visits_agg`.`location`
          and (`all_keys`.`service` <=> `visits_agg`.`service`)
          and `all_keys`.`month` = `visits_agg`.`month`
        )
      left outer join `shifts_agg`
        on (
          `all_keys`.`location` = `shifts_agg`.`location`
          and (`all_keys`.`service` <=> `shifts_agg`.`service`)
          and `all_keys`.`month` = `shifts_agg`.`month`
        )
  )
select
  `result`.`location` as `location`,
  `locations`.`name` as `location_label`,
  `result`.`service` as `service`,
  `services`.`name` as `service_label`,
  `result`.`month` as `month`,
  `result`.`visits` as `visits`,
  `result`.`staff_cost` as `staff_cost`,
  `result`.`staff_cost_per_visit` as `staff_cost_per_visit`
from `result`
  left outer join `locations`
    on `locations`.`location_id` = `result`.`location`
  left outer join `services`
    on `services`.`service_id` = `result`.`service`
order by
  case
    when `locations`.`name` is not null then 0
    else 1
  end, `locations`.`name` asc,
  case
    when `result`.`location` is not null then 0
    else 1
  end, `result`.`location` asc,
  case
    when `services`.`name` is not null then 0
    else 1
  end, `services`.`name` asc,
  case
    when `result`.`service` is not null then 0
    else 1
  end, `result`.`service` asc,
  case
    when `result`.`month` is not null then 0
    else 1
  end, `result`.`month` asc;
