-- What a run analyses against, whole (rule files and fact files as JSON), so that batch workers on other
-- machines analyse every partition against the versions the run started with.
alter table report_run add column pinned_rules clob;
alter table report_run add column pinned_facts clob;
