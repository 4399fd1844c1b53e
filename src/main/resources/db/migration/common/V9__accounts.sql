-- Accounts in Spring Security's JdbcUserDetailsManager schema. Seeded from firstwall.security.users
-- when empty; admins manage them on /admin/users afterwards.
create table users (
    username varchar(50) not null primary key,
    password varchar(500) not null,
    enabled  boolean not null
);

create table authorities (
    username  varchar(50) not null,
    authority varchar(50) not null,
    constraint fk_authorities_users foreign key (username) references users (username) on delete cascade
);

create unique index ix_auth_username on authorities (username, authority);
