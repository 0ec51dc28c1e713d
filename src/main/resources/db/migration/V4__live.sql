-- The live session: the meetings' event log, presence, running the session, the speaking queue.
-- Portable SQL (PostgreSQL and H2).

-- Every change to a meeting, in the order clients receive it. An event is inserted with the change
-- it reports (seq null, no lock), then given the meeting's next sequence number after commit by
-- the sequencer (live/Sequencer.java), one meeting at a time across all instances.
create sequence meeting_event_seq start with 1 increment by 50;
create table meeting_event (
    id          bigint primary key,
    meeting_id  bigint       not null references meeting (id),
    seq         bigint,
    type        varchar(64)  not null,
    audience    varchar(32)  not null,
    data        text         not null,
    at          timestamp with time zone not null
);
create unique index meeting_event_seq_uk on meeting_event (meeting_id, seq);
create index meeting_event_pending_idx on meeting_event (seq, meeting_id);

-- The sequencer's counter per meeting (locked only by sequencing runs).
create table meeting_live (
    meeting_id  bigint primary key references meeting (id),
    last_seq    bigint not null
);
insert into meeting_live (meeting_id, last_seq) select id, 0 from meeting;

-- Who is connected, per instance (rows expire when an instance stops refreshing them).
create table live_presence (
    meeting_id    bigint      not null references meeting (id),
    person_id     bigint      not null references person (id),
    instance_id   varchar(40) not null,
    endpoint_id   bigint      references endpoint (id),
    connections   integer     not null,
    connected_at  timestamp with time zone not null,
    seen_at       timestamp with time zone not null,
    primary key (meeting_id, person_id, instance_id)
);

-- Running the session: pauses, the current agenda item, speaking time.
alter table meeting add column paused boolean default false not null;
alter table meeting add column paused_at timestamp with time zone;
alter table meeting add column session_started_at timestamp with time zone;
alter table meeting add column current_item_id bigint;
alter table meeting add column speech_limit_seconds integer default 300 not null;
alter table meeting add column queue_open boolean default true not null;

alter table agenda_item add column run_state varchar(16) default 'PENDING' not null;
alter table agenda_item add column run_started_at timestamp with time zone;
alter table agenda_item add column spent_seconds bigint default 0 not null;
alter table agenda_item add column speech_limit_seconds integer;

-- The speaking queue and the record of every speech (the minutes are drafted from it).
create sequence speaker_request_seq start with 1 increment by 50;
create table speaker_request (
    id               bigint primary key,
    meeting_id       bigint       not null references meeting (id),
    item_id          bigint       references agenda_item (id),
    person_id        bigint       references person (id),
    endpoint_id      bigint       references endpoint (id),
    kind             varchar(24)  not null,
    state            varchar(16)  not null,
    position         integer      not null,
    note             varchar(500),
    requested_at     timestamp with time zone not null,
    started_at       timestamp with time zone,
    ended_at         timestamp with time zone,
    paused_at        timestamp with time zone,
    paused_seconds   bigint       default 0 not null,
    limit_seconds    integer      not null,
    requested_by     varchar(255),
    version          bigint       default 0 not null
);
create index speaker_request_meeting_idx on speaker_request (meeting_id, state);
