-- Plans are small (at most 1 MiB); as VARCHAR they are read in pages without H2's LOB copies,
-- which made the nightly batch spend most of its time copying plan texts.
alter table saved_plan alter column plan_json set data type varchar(1048576);
alter table scenario alter column plan_json set data type varchar(1048576);
alter table scenario alter column overrides_json set data type varchar(1048576);
