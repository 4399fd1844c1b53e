create table saved_plan (
    id         bigint auto_increment primary key,
    name       varchar(200) not null,
    plan_json  clob not null,
    created_at timestamp with time zone not null,
    updated_at timestamp with time zone not null
);

create table scenario (
    id             bigint auto_increment primary key,
    plan_id        bigint not null references saved_plan(id) on delete cascade,
    name           varchar(200) not null,
    plan_json      clob not null,
    overrides_json clob not null,
    created_at     timestamp with time zone not null
);

create index scenario_plan on scenario(plan_id);
