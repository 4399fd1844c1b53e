create table region (
    id            varchar(64) primary key,
    name          varchar(200) not null,
    orbital       boolean not null,
    climate       varchar(32) not null,
    grid_operator varchar(200) not null,
    source        varchar(2000) not null
);

create table accelerator (
    id     varchar(64) primary key,
    name   varchar(200) not null,
    source varchar(2000) not null
);

create table fact (
    id      varchar(200) primary key,
    fact_value double precision not null,
    low     double precision,
    high    double precision,
    unit    varchar(100) not null,
    as_of   date not null,
    source  varchar(4000) not null,
    status  varchar(16) not null,
    note    varchar(4000)
);
