with
  `visits_agg` as (
    select
      date_add(makedate(
        extract(year from `visits`.`scheduled_at`),
        1
      ), interval (extract(month from `visits`.`scheduled_at`) - 1) month) as `month`,
      count(case
        when `visits`.`status` in (
          'completed', 'no_show'
        ) then 1
      end) as `booked_visits`,
      count(case
        when `visits`.`status` = 'no_show' then 1
      end) as `no_show_visits`
    from `visits`
    where (
      `visits`.`scheduled_at` >= {ts '2025-01-01 00:00:00.0'}
      and `visits`.`scheduled_at` < {ts '2025-04-01 00:00:00.0'}
    )
    group by date_add(makedate(
      extract(year from `visits`.`scheduled_at`),
      1
    ), interval (extract(month from `visits`.`scheduled_at`) - 1) month)
  ),
  `result` as (
    select
      `visits_agg`.`month` as `month`,
      `visits_agg`.`booked_visits` as `booked`,
      `visits_agg`.`no_show_visits` as `no_shows`
    from `visits_agg`
  ),
  `visits_agg_previous` as (
    select
      date_add(makedate(
        extract(year from date_add(`visits`.`scheduled_at`, interval 12 month)),
        1
      ), interval (extract(month from date_add(`visits`.`scheduled_at`, interval 12 month)) - 1) month) as `month`,
      count(case
        when `visits`.`status` in (
          'completed', 'no_show'
        ) then 1
      end) as `booked_visits`,
      count(case
        when `visits`.`status` = 'no_show' then 1
      end) as `no_show_visits`
    from `visits`
    where (
      `visits`.`scheduled_at` >= {ts '2024-01-01 00:00:00.0'}
      and `visits`.`scheduled_at` < {ts '2024-04-01 00:00:00.0'}
    )
    group by date_add(makedate(
      extract(year from date_add(`visits`.`scheduled_at`, interval 12 month)),
      1
    ), interval (extract(month from date_add(`visits`.`scheduled_at`, interval 12 month)) - 1) month)
  ),
  `previous` as (
    select
      `visits_agg_previous`.`month` as `month`,
      `visits_agg_previous`.`booked_visits` as `booked`,
      `visits_agg_previous`.`no_show_visits` as `no_shows`
    from `visits_agg_previous`
  )
select
  `result`.`month` as `month`,
  `result`.`booked` as `booked`,
  `result`.`no_shows` as `no_shows`,
  `previous`.`booked` as `booked_previous`,
  (`result`.`booked` - `previous`.`booked`) as `booked_delta`,
  (((`result`.`booked` - `previous`.`booked`) * 1E0) / nullif(
    (`previous`.`booked` * 1E0),
    0
  )) as `booked_delta_pct`,
  `previous`.`no_shows` as `no_shows_previous`,
  (`result`.`no_shows` - `previous`.`no_shows`) as `no_shows_delta`,
  (((`result`.`no_shows` - `previous`.`no_shows`) * 1E0) / nullif(
    (`previous`.`no_shows` * 1E0),
    0
  )) as `no_shows_delta_pct`
from `result`
  left outer join `previous`
    on `result`.`month` = `previous`.`month`
order by case
  when `result`.`month` is not null then 0
  else 1
end, `result`.`month` asc;
