-- Every published fact base (the CSV files under data/), whole, like rule_revision.
create table fact_revision (
    id         bigint auto_increment primary key,
    created_at timestamp with time zone not null,
    author     varchar(100) not null,
    message    varchar(2000) not null,
    kind       varchar(20) not null,
    version    varchar(64) not null,
    files      clob not null
);
