-- HopSo foundation schema. Portable SQL: the same file runs on PostgreSQL and on H2.
-- Sort keys are hex collation keys: binary order = Vietnamese order.

create sequence unit_seq start with 1 increment by 50;
create sequence endpoint_seq start with 1 increment by 50;
create sequence person_seq start with 1 increment by 50;
create sequence unit_merge_seq start with 1 increment by 1;

create table unit (
    id              bigint primary key,
    code            varchar(64)  not null,
    name            varchar(255) not null,
    level           varchar(16)  not null,
    parent_id       bigint references unit (id),
    active          boolean      not null default true,
    merged_into_id  bigint references unit (id),
    merged_at       timestamp with time zone,
    search_key      varchar(255) not null,
    sort_key        varchar(2048) not null,
    version         bigint       not null default 0,
    constraint unit_code_uk unique (code)
);
create index unit_parent_idx on unit (parent_id);
create index unit_sort_idx on unit (sort_key);

create table unit_merge (
    id               bigint primary key,
    from_unit_id     bigint not null references unit (id),
    into_unit_id     bigint not null references unit (id),
    merged_at        timestamp with time zone not null,
    merged_by        varchar(255),
    moved_endpoints  integer not null,
    moved_people     integer not null,
    moved_children   integer not null
);
create index unit_merge_from_idx on unit_merge (from_unit_id);
create index unit_merge_into_idx on unit_merge (into_unit_id);

create table person (
    id             bigint primary key,
    username       varchar(64)  not null,
    full_name      varchar(255) not null,
    position       varchar(255),
    unit_id        bigint references unit (id),
    email          varchar(255),
    phone          varchar(32),
    password_hash  varchar(100),
    active         boolean      not null default true,
    search_key     varchar(1024) not null,
    sort_key       varchar(2048) not null,
    version        bigint       not null default 0,
    constraint person_username_uk unique (username)
);
create index person_unit_idx on person (unit_id);
create index person_sort_idx on person (sort_key);

create table person_role (
    person_id  bigint      not null references person (id) on delete cascade,
    role       varchar(16) not null,
    primary key (person_id, role)
);

create table endpoint (
    id            bigint primary key,
    code          varchar(64)  not null,
    name          varchar(255) not null,
    unit_id       bigint       not null references unit (id),
    room          varchar(255),
    account_id    bigint references person (id),
    active        boolean      not null default true,
    status        varchar(16)  not null default 'OFFLINE',
    last_seen_at  timestamp with time zone,
    search_key    varchar(255) not null,
    sort_key      varchar(2048) not null,
    version       bigint       not null default 0,
    constraint endpoint_code_uk unique (code),
    constraint endpoint_account_uk unique (account_id)
);
create index endpoint_unit_idx on endpoint (unit_id);
create index endpoint_sort_idx on endpoint (sort_key);

create table auth_session (
    id                     varchar(64) primary key,
    person_id              bigint not null references person (id),
    created_at             timestamp with time zone not null,
    expires_at             timestamp with time zone not null,
    refresh_hash           varchar(64) not null,
    previous_refresh_hash  varchar(64),
    rotated_at             timestamp with time zone,
    revoked_at             timestamp with time zone,
    ip                     varchar(255),
    user_agent             varchar(255),
    constraint auth_session_refresh_uk unique (refresh_hash)
);
create index auth_session_person_idx on auth_session (person_id);
create index auth_session_prev_idx on auth_session (previous_refresh_hash);

create table login_throttle (
    throttle_key      varchar(160) primary key,
    failures          integer not null,
    first_failure_at  timestamp with time zone not null,
    last_failure_at   timestamp with time zone not null,
    locked_until      timestamp with time zone
);

create table app_secret (
    name          varchar(64) primary key,
    secret_value  varchar(512) not null
);

-- Append-only, hash-chained. audit_head holds the chain's end and serialises appends.
create table audit_entry (
    id         bigint primary key,
    at         timestamp with time zone not null,
    actor      varchar(255),
    action     varchar(255) not null,
    target     varchar(255),
    detail     varchar(2000),
    ip         varchar(255),
    prev_hash  varchar(64) not null,
    hash       varchar(64) not null
);

create table audit_head (
    id         integer primary key,
    last_id    bigint not null,
    last_hash  varchar(64) not null
);
insert into audit_head (id, last_id, last_hash)
values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
