-- A publish's revision names the journal that wrote its files, so a crash mid-publish can be
-- rolled forward (revision committed) or back (not) at the next start.
alter table rule_revision add column publish_id varchar(64);
alter table fact_revision add column publish_id varchar(64);
create index rule_revision_publish on rule_revision(publish_id);
create index fact_revision_publish on fact_revision(publish_id);
