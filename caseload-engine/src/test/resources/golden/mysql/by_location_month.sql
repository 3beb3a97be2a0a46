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
      count(case
        when `visits`.`status` = 'no_show' then 1
      end) as `no_show_visits`,
      count(case
        when `visits`.`status` in (
          'completed', 'no_show'
        ) then 1
      end) as `booked_visits`
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
  `result` as (
    select
      `visits_agg`.`location` as `location`,
      `visits_agg`.`month` as `month`,
      `visits_agg`.`completed_visits` as `visits`,
      ((`visits_agg`.`no_show_visits` * 1E0) / nullif(
        (`visits_agg`.`booked_visits` * 1E0),
        0
      )) as `no_show_rate`
    from `visits_agg`
  )
select
  `result`.`location` as `location`,
  `locations`.`name` as `location_label`,
  `result`.`month` as `month`,
  `result`.`visits` as `visits`,
  `result`.`no_show_rate` as `no_show_rate`
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
