with
  "visits_agg" as (
    select count(*) filter (where "visits"."status" = 'completed') as "completed_visits"
    from "visits"
  ),
  "result" as (
    select "visits_agg"."completed_visits" as "visits"
    from "visits_agg"
  )
select "result"."visits" as "visits"
from "result";
