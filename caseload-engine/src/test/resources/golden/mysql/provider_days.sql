with
  `visits_agg` as (
    select
      `visits`.`location_id` as `location`,
      date_add(makedate(
        extract(year from `visits`.`scheduled_at`),
        1
      ), interval (extract(month from `visits`.`scheduled_at`) - 1) month) as `month`,
      count(case
        when `visits`.`status` = 'completed' then 1
      end) as `completed_visits`,
      count(distinct case
        when `visits`.`status` = 'completed' then concat(
          `visits`.`staff_id`,
          '|',
          cast(
            cast(`visits`.`scheduled_at` as date)
            as char
          )
        )
      end) as `provider_days`
    from `visits`
    where (
      `visits`.`scheduled_at` >= {ts '2024-01-01 00:00:00.0'}
      and `visits`.`scheduled_at` < {ts '2024-07-01 00:00:00.0'}
    )
    group by
      `visits`.`location_id`,
      date_add(makedate(
        extract(year from `visits`.`scheduled_at`),
        1
      ), interval (extract(month from `visits`.`scheduled_at`) - 1) month)
  ),
  `shifts_agg` as (
    select
      `shifts`.`location_id` as `location`,
      date_add(makedate(
        extract(year from `shifts`.`started_at`),
        1
      ), interval (extract(month from `shifts`.`started_at`) - 1) month) as `month`,
      sum(((timestampdiff(second, `shifts`.`started_at`, `shifts`.`ended_at`) * 1E0) / 3.6E3)) as `shift_hours`,
      sum(case
        when `role_groups`.`clinical` = true then ((timestampdiff(second, `shifts`.`started_at`, `shifts`.`ended_at`) * 1E0) / 3.6E3)
      end) as `clinical_shift_hours`
    from `shifts`
      left outer join `staff`
        on `staff`.`staff_id` = `shifts`.`staff_id`
      left outer join `role_groups`
        on `role_groups`.`role_group_id` = `staff`.`role_group_id`
    where (
      `shifts`.`started_at` >= {ts '2024-01-01 00:00:00.0'}
      and `shifts`.`started_at` < {ts '2024-07-01 00:00:00.0'}
    )
    group by
      `shifts`.`location_id`,
      date_add(makedate(
        extract(year from `shifts`.`started_at`),
        1
      ), interval (extract(month from `shifts`.`started_at`) - 1) month)
  ),
  `all_keys` as (
    select `visits_agg`.`location`, `visits_agg`.`month`
    from `visits_agg`
    union
    select `shifts_agg`.`location`, `shifts_agg`.`month`
    from `shifts_agg`
  ),
  `result` as (
    select
      `all_keys`.`location` as `location`,
      `all_keys`.`month` as `month`,
      ((coalesce(`visits_agg`.`completed_visits`, 0) * 1E0) / nullif(
        (coalesce(`visits_agg`.`provider_days`, 0) * 1E0),
        0
      )) as `visits_per_provider_day`,
      `shifts_agg`.`shift_hours` as `staff_hours`,
      `shifts_agg`.`clinical_shift_hours` as `clinical_hours`
    from `all_keys`
      left outer join `visits_agg`
        on (
          `all_keys`.`location` = `visits_agg`.`location`
          and `all_keys`.`month` = `visits_agg`.`month`
        )
      left outer join `shifts_agg`
        on (
          `all_keys`.`location` = `shifts_agg`.`location`
          and `all_keys`.`month` = `shifts_agg`.`month`
        )
  )
select
  `result`.`location` as `location`,
  `locations`.`name` as `location_label`,
  `result`.`month` as `month`,
  `result`.`visits_per_provider_day` as `visits_per_provider_day`,
  `result`.`staff_hours` as `staff_hours`,
  `result`.`clinical_hours` as `clinical_hours`
from `result`
  left outer join `locations`
    on `locations`.`location_id` = `result`.`location`
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
    when `result`.`month` is not null then 0
    else 1
  end, `result`.`month` asc;
