-- Which revision of the rules and of the facts is live, one row each. A publish moves it from the
-- version it was made on to its own in the revision's transaction (compare and set), so two app
-- nodes publishing on the same version give one winner and one conflict.
create table live_revision (
    kind        varchar(20) primary key,
    revision_id bigint not null,
    version     varchar(64) not null
);

insert into live_revision(kind, revision_id, version)
    select 'rule_revision', id, version from rule_revision where id = (select max(id) from rule_revision);
insert into live_revision(kind, revision_id, version)
    select 'fact_revision', id, version from fact_revision where id = (select max(id) from fact_revision);
