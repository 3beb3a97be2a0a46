with
  `visits_agg` as (
    select count(case
      when `visits`.`status` = 'completed' then 1
    end) as `completed_visits`
    from `visits`
  ),
  `result` as (
    select `visits_agg`.`completed_visits` as `visits`
    from `visits_agg`
  )
select `result`.`visits` as `visits`
from `result`;
