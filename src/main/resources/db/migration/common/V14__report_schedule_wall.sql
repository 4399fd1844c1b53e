-- The wall that sets each answer's schedule (the largest delay of any phase) beside the first wall,
-- and that delay in months (null with a schedule wall: some phase never runs within the facts).
alter table report_row add column schedule_wall varchar(40);
alter table report_row add column schedule_delay_months int;
