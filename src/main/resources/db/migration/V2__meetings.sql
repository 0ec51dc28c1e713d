-- Meetings: scheduling, participants and rooms, agenda, invitations, attendance. Portable SQL.

create sequence meeting_seq start with 1 increment by 50;
create sequence participant_seq start with 1 increment by 50;
create sequence meeting_endpoint_seq start with 1 increment by 50;
create sequence agenda_item_seq start with 1 increment by 50;
create sequence agenda_version_seq start with 1 increment by 1;
create sequence attendance_event_seq start with 1 increment by 50;
create sequence notification_seq start with 1 increment by 50;
create sequence outbound_message_seq start with 1 increment by 50;
create sequence meeting_change_seq start with 1 increment by 50;

create table meeting (
    id                    bigint primary key,
    title                 varchar(500)  not null,
    kind                  varchar(24)   not null,
    host_unit_id          bigint        not null references unit (id),
    chair_id              bigint        not null references person (id),
    secretary_id          bigint        references person (id),
    starts_at             timestamp with time zone not null,
    ends_at               timestamp with time zone not null,
    host_endpoint_id      bigint        references endpoint (id),
    place                 varchar(500),
    confidentiality       varchar(16)   not null,
    notes                 varchar(4000),
    status                varchar(24)   not null,
    cancel_reason         varchar(1000),
    postponements         integer       not null default 0,
    quorum_numerator      integer       not null default 1,
    quorum_denominator    integer       not null default 2,
    quorum_strict         boolean       not null default true,
    ical_uid              varchar(128)  not null,
    ical_sequence         integer       not null default 0,
    agenda_version        integer       not null default 0,
    agenda_published_at   timestamp with time zone,
    agenda_dirty          boolean       not null default false,
    created_by_id         bigint        references person (id),
    created_at            timestamp with time zone not null,
    search_key            varchar(1024) not null,
    version               bigint        not null default 0,
    constraint meeting_ical_uid_uk unique (ical_uid)
);
create index meeting_starts_idx on meeting (starts_at);
create index meeting_unit_idx on meeting (host_unit_id);
create index meeting_status_idx on meeting (status);

-- Postponements and cancellations, for the record.
create table meeting_change (
    id           bigint primary key,
    meeting_id   bigint not null references meeting (id),
    at           timestamp with time zone not null,
    by_name      varchar(255),
    kind         varchar(24) not null,
    old_starts_at timestamp with time zone,
    old_ends_at  timestamp with time zone,
    new_starts_at timestamp with time zone,
    new_ends_at  timestamp with time zone,
    reason       varchar(1000)
);
create index meeting_change_meeting_idx on meeting_change (meeting_id);

create table participant (
    id                   bigint primary key,
    meeting_id           bigint      not null references meeting (id),
    person_id            bigint      not null references person (id),
    role                 varchar(16) not null,
    endpoint_id          bigint      references endpoint (id),
    voting               boolean     not null default false,
    proxy_id             bigint      references participant (id),
    attendance           varchar(16) not null default 'UNKNOWN',
    attendance_reason    varchar(500),
    attendance_endpoint_id bigint    references endpoint (id),
    attendance_at        timestamp with time zone,
    response             varchar(16) not null default 'PENDING',
    response_note        varchar(500),
    responded_at         timestamp with time zone,
    invited_at           timestamp with time zone,
    version              bigint      not null default 0,
    constraint participant_uk unique (meeting_id, person_id)
);
create index participant_person_idx on participant (person_id);

create table meeting_endpoint (
    id              bigint primary key,
    meeting_id      bigint not null references meeting (id),
    endpoint_id     bigint not null references endpoint (id),
    layout_role     varchar(16) not null default 'VIEWER',
    head_count      integer,
    head_count_at   timestamp with time zone,
    constraint meeting_endpoint_uk unique (meeting_id, endpoint_id)
);
create index meeting_endpoint_endpoint_idx on meeting_endpoint (endpoint_id);

-- Every attendance change, with its time and author, for the minutes.
create table attendance_event (
    id              bigint primary key,
    participant_id  bigint not null references participant (id),
    at              timestamp with time zone not null,
    attendance      varchar(16) not null,
    endpoint_id     bigint references endpoint (id),
    reason          varchar(500),
    by_name         varchar(255)
);
create index attendance_event_participant_idx on attendance_event (participant_id);

create table agenda_item (
    id               bigint primary key,
    meeting_id       bigint not null references meeting (id),
    parent_id        bigint references agenda_item (id),
    position         integer not null,
    title            varchar(500) not null,
    presenter_id     bigint references person (id),
    presenter_name   varchar(255),
    planned_minutes  integer,
    description      varchar(4000),
    version          bigint not null default 0
);
create index agenda_item_meeting_idx on agenda_item (meeting_id);

-- Each publication of the agenda: what participants saw, and what changed from the one before.
create table agenda_version (
    id            bigint primary key,
    meeting_id    bigint not null references meeting (id),
    number        integer not null,
    published_at  timestamp with time zone not null,
    published_by  varchar(255),
    changes       varchar(4000),
    snapshot      text not null,
    constraint agenda_version_uk unique (meeting_id, number)
);

create table notification (
    id          bigint primary key,
    person_id   bigint not null references person (id),
    meeting_id  bigint references meeting (id),
    kind        varchar(32) not null,
    title       varchar(500) not null,
    body        varchar(2000),
    created_at  timestamp with time zone not null,
    read_at     timestamp with time zone
);
create index notification_person_idx on notification (person_id, read_at);

-- Outbox of emails and SMS: written in the transaction of the change, sent by a worker that
-- claims rows (safe with several instances), retried with back-off, failures kept for the secretary.
create table outbound_message (
    id               bigint primary key,
    channel          varchar(8)   not null,
    meeting_id       bigint       references meeting (id),
    person_id        bigint       references person (id),
    kind             varchar(24)  not null,
    recipient        varchar(255) not null,
    subject          varchar(500),
    body             text         not null,
    calendar         text,
    calendar_method  varchar(16),
    status           varchar(16)  not null,
    attempts         integer      not null default 0,
    next_attempt_at  timestamp with time zone not null,
    claimed_until    timestamp with time zone,
    last_error       varchar(1000),
    created_at       timestamp with time zone not null,
    sent_at          timestamp with time zone
);
create index outbound_message_due_idx on outbound_message (status, next_attempt_at);
create index outbound_message_meeting_idx on outbound_message (meeting_id);

-- A reminder is sent once: the first instance to insert its row sends it.
create table meeting_reminder (
    meeting_id      bigint  not null references meeting (id),
    offset_minutes  integer not null,
    sent_at         timestamp with time zone not null,
    primary key (meeting_id, offset_minutes)
);

-- Personal iCalendar feed: an unguessable token (stored hashed) that the person can revoke.
create table calendar_feed (
    person_id    bigint primary key references person (id),
    token_hash   varchar(64) not null,
    created_at   timestamp with time zone not null,
    constraint calendar_feed_token_uk unique (token_hash)
);
