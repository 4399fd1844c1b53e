-- Every published rule set, whole, so any two can be compared and any one restored.
create table rule_revision (
    id         bigint auto_increment primary key,
    created_at timestamp with time zone not null,
    author     varchar(100) not null,
    message    varchar(2000) not null,
    kind       varchar(20) not null,
    version    varchar(64) not null,
    files      clob not null
);

-- Who changed what, when and why.
create table audit_log (
    id     bigint auto_increment primary key,
    at     timestamp with time zone not null,
    who    varchar(100) not null,
    action varchar(40) not null,
    what   varchar(2000) not null,
    why    varchar(2000) not null
);
