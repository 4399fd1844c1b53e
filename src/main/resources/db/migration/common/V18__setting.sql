-- Settings an administrator changes while the app runs (the sampling limits), one row each; a
-- missing row means the default of application.properties.
create table setting (
    name       varchar(100) primary key,
    text_value varchar(200) not null,
    changed_by varchar(100) not null,
    changed_at timestamp with time zone not null
);
