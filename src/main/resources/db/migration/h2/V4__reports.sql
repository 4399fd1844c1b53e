-- One nightly run: what it analysed against (provenance) and where its report went.
create table report_run (
    run_id       bigint primary key,
    run_number   bigint not null,
    report_date  date not null,
    rule_version varchar(64) not null,
    rule_files   clob not null,
    fact_version varchar(64) not null,
    facts        clob not null,
    total_items  int not null,
    started_at   timestamp with time zone not null,
    finished_at  timestamp with time zone,
    report_dir   varchar(1000)
);

-- One analysed plan or scenario of a run; the key makes a restarted chunk unable to count twice.
create table report_row (
    run_id       bigint not null,
    item_key     varchar(64) not null,
    plan_id      bigint not null,
    scenario_id  bigint,
    name         varchar(500) not null,
    plan_hash    varchar(64) not null,
    status       varchar(10) not null,
    error        varchar(2000),
    first_wall   varchar(40),
    binds_on     date,
    slip_months  int,
    open_ended   boolean,
    shortfall    varchar(100),
    explanation  varchar(4000),
    cascade      varchar(500),
    rule_ids     varchar(2000),
    fact_ids     varchar(4000),
    primary key (run_id, item_key)
);
