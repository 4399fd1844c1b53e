-- How sure each nightly answer is: the most likely outcome and its probability, all outcomes as text,
-- and the delay's P10/P50/P90 (null with odds present: open-ended).
alter table report_row add column top_outcome varchar(40);
alter table report_row add column top_probability double precision;
alter table report_row add column odds varchar(2000);
alter table report_row add column delay_p10 int;
alter table report_row add column delay_p50 int;
alter table report_row add column delay_p90 int;
