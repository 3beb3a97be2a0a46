with
  `visits_agg` as (
    select
      `locations`.`region` as `region`,
      `visits_by_key`.`quarter` as `quarter`,
      sum(`visits_by_key`.`charge_total`) as `charge_total`
    from (
      select
        `visits`.`location_id` as `locations_fk`,
        date_add(makedate(
          extract(year from `visits`.`scheduled_at`),
          1
        ), interval ((quarter(`visits`.`scheduled_at`) - 1) * 3) month) as `quarter`,
        sum(case
          when `visits`.`status` = 'completed' then `visits`.`charge_amount`
        end) as `charge_total`
      from `visits`
      where (
        `visits`.`scheduled_at` >= {ts '2024-01-01 00:00:00.0'}
        and `visits`.`scheduled_at` < {ts '2025-01-01 00:00:00.0'}
        and (
          `visits`.`service_id` in (
            'dental', 'Urgent care'
          )
          or `visits`.`service_id` in (
            select `services_by_label`.`service_id`
            from `services` as `services_by_label`
            where `services_by_label`.`name` in (
              'dental', 'Urgent care'
            )
          )
        )
        and not (
          `visits`.`location_id` in ('O''Brien Family Clinic')
          or `visits`.`location_id` in (
            select `locations_by_label`.`location_id`
            from `locations` as `locations_by_label`
            where `locations_by_label`.`name` in ('O''Brien Family Clinic')
          )
        )
      )
      group by
        `visits`.`location_id`,
        date_add(makedate(
          extract(year from `visits`.`scheduled_at`),
          1
        ), interval ((quarter(`visits`.`scheduled_at`) - 1) * 3) month)
    ) as `visits_by_key`
      left outer join `locations`
        on `locations`.`location_id` = `visits_by_key`.`locations_fk`
    group by `locations`.`region`, `visits_by_key`.`quarter`
  ),
  `shifts_agg` as (
    select
      `locations`.`region` as `region`,
      `shifts_by_key`.`quarter` as `quarter`,
      sum(`shifts_by_key`.`shift_hours`) as `shift_hours`
    from (
      select
        `shifts`.`location_id` as `locations_fk`,
        date_add(makedate(
          extract(year from `shifts`.`started_at`),
          1
        ), interval ((quarter(`shifts`.`started_at`) - 1) * 3) month) as `quarter`,
        sum(((timestampdiff(second, `shifts`.`started_at`, `shifts`.`ended_at`) * 1E0) / 3.6E3)) as `shift_hours`
      from `shifts`
      where (
        `shifts`.`started_at` >= {ts '2024-01-01 00:00:00.0'}
        and `shifts`.`started_at` < {ts '2025-01-01 00:00:00.0'}
        and (
          `shifts`.`service_id` in (
            'dental', 'Urgent care'
          )
          or `shifts`.`service_id` in (
            select `services_by_label`.`service_id`
            from `services` as `services_by_label`
            where `services_by_label`.`name` in (
              'dental', 'Urgent care'
            )
          )
        )
        and not (
          `shifts`.`location_id` in ('O''Brien Family Clinic')
          or `shifts`.`location_id` in (
            select `locations_by_label`.`location_id`
            from `locations` as `locations_by_label`
            where `locations_by_label`.`name` in ('O''Brien Family Clinic')
          )
        )
      )
      group by
        `shifts`.`location_id`,
        date_add(makedate(
          extract(year from `shifts`.`started_at`),
          1
        ), interval ((quarter(`shifts`.`started_at`) - 1) * 3) month)
    ) as `shifts_by_key`
      left outer join `locations`
        on `locations`.`location_id` = `shifts_by_key`.`locations_fk`
    group by `locations`.`region`, `shifts_by_key`.`quarter`
  ),
  `all_keys` as (
    select `visits_agg`.`region`, `visits_agg`.`quarter`
    from `visits_agg`
    union
    select `shifts_agg`.`region`, `shifts_agg`.`quarter`
    from `shifts_agg`
  ),
  `result` as (
    select
      `all_keys`.`region` as `region`,
      `all_keys`.`quarter` as `quarter`,
      `visits_agg`.`charge_total` as `charges`,
      ((`visits_agg`.`charge_total` * 1E0) / nullif(
        (`shifts_agg`.`shift_hours` * 1E0),
        0
      )) as `revenue_per_staff_hour`
    from `all_keys`
      left outer join `visits_agg`
        on (
          (`all_keys`.`region` <=> `visits_agg`.`region`)
          and `all_keys`.`quarter` = `visits_agg`.`quarter`
        )
      left outer join `shifts_agg`
        on (
          (`all_keys`.`region` <=> `shifts_agg`.`region`)
          and `all_keys`.`quarter` = `shifts_agg`.`quarter`
        )
  )
select
  `result`.`region` as `region`,
  `result`.`quarter` as `quarter`,
  `result`.`charges` as `charges`,
  `result`.`revenue_per_staff_hour` as `revenue_per_staff_hour`
from `result`
order by
  case
    when `result`.`region` is not null then 0
    else 1
  end, `result`.`region` asc,
  case
    when `result`.`quarter` is not null then 0
    else 1
  end, `result`.`quarter` asc;
