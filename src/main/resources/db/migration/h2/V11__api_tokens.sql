-- Personal API tokens: random, shown once, stored only as a SHA-256 hash; revocable.
create table api_token (
    id           bigint auto_increment primary key,
    username     varchar(50) not null,
    name         varchar(100) not null,
    token_hash   varchar(64) not null,
    created_at   timestamp with time zone not null,
    last_used_at timestamp with time zone,
    revoked_at   timestamp with time zone,
    constraint fk_api_token_users foreign key (username) references users (username) on delete cascade
);

create unique index ix_api_token_hash on api_token (token_hash);
