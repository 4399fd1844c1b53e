-- The backtest's totals at each nightly run, to show the change since the last run and its cause.
create table backtest_score (
    run_id          bigint primary key,
    scored          int not null,
    delay_scored    int not null,
    hits            int not null,
    wall_scored     int not null,
    wall_matches    int not null,
    coverage_scored int not null,
    covered         int not null,
    mean_error      double precision,
    leaks           int not null,
    files_hash      varchar(64) not null,
    error           varchar(2000),
    table_text      varchar(200000) not null
);
