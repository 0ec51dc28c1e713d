-- Issue 9: polls (yes/no/abstain, elections, confidence votes, analog figures), who has voted,
-- ballots and their receipts. Portable SQL (PostgreSQL and H2).

create sequence poll_seq start with 1 increment by 1;
create table poll (
    id                bigint primary key,
    meeting_id        bigint        not null references meeting (id),
    agenda_item_id    bigint        references agenda_item (id) on delete set null,
    title             varchar(500)  not null,
    description       varchar(4000),
    -- YES_NO, ELECTION, CONFIDENCE
    kind              varchar(16)   not null,
    analog            boolean       default false not null,
    secret            boolean       default false not null,
    allow_change      boolean       default false not null,
    duration_seconds  integer,
    seats             integer,
    -- CHOOSE, STRIKE (elections only: how the ballot is shown)
    election_style    varchar(16),
    -- the majority rule: ALL_MEMBERS, PRESENT, VOTES_CAST, YES_NO; MORE_THAN_HALF, TWO_THIRDS,
    -- THREE_QUARTERS, CUSTOM (numerator/denominator/strict); NOT_ADOPTED, CHAIR_DECIDES
    rule_base         varchar(16)   not null,
    rule_threshold    varchar(16)   not null,
    rule_numerator    integer       not null,
    rule_denominator  integer       not null,
    rule_strict       boolean       not null,
    rule_tie          varchar(16)   not null,
    -- DRAFT, OPEN, CLOSED, PUBLISHED
    state             varchar(16)   not null,
    -- the key of the receipts' HMAC (base64), made when the poll opens
    ballot_key        varchar(64),
    opened_at         timestamp with time zone,
    closes_at         timestamp with time zone,
    closed_at         timestamp with time zone,
    closed_by         varchar(255),
    published_at      timestamp with time zone,
    -- at close: who was entitled, present and voted (JSON), and the result (JSON)
    snapshot          text,
    result            text,
    -- on publish: the hash of this poll's published record, chained to the meeting's previous one
    prev_hash         varchar(64),
    record_hash       varchar(64),
    created_by        bigint        references person (id),
    created_at        timestamp with time zone not null,
    version           bigint        default 0 not null
);
create index poll_meeting_idx on poll (meeting_id);
create index poll_state_idx on poll (state);

create sequence poll_option_seq start with 1 increment by 50;
create table poll_option (
    id        bigint primary key,
    poll_id   bigint        not null references poll (id) on delete cascade,
    position  integer       not null,
    label     varchar(500)  not null
);
create index poll_option_poll_idx on poll_option (poll_id);

-- Who has voted (one row per principal): never what. ballot_hash is the SHA-256 of the ballot id
-- the client made; the receipt is not derivable from it.
create sequence poll_voter_seq start with 1 increment by 50;
create table poll_voter (
    id              bigint primary key,
    poll_id         bigint      not null references poll (id) on delete cascade,
    -- no foreign key: a participant removed after voting keeps their ballot counted
    participant_id  bigint      not null,
    person_id       bigint      not null references person (id),
    cast_by         bigint      not null references person (id),
    ballot_hash     varchar(64) not null,
    voted_at        timestamp with time zone not null
);
create unique index poll_voter_uk on poll_voter (poll_id, participant_id);

-- Ballots. A secret poll's rows carry no voter, no time, no sequence: their id is random and,
-- when the poll closes, they are rewritten in random order with fresh ids (docs/votes.md).
create table ballot (
    id              varchar(36)   primary key,
    poll_id         bigint        not null references poll (id) on delete cascade,
    receipt         varchar(16)   not null,
    choice          text          not null,
    -- named polls only (no foreign key, as in poll_voter)
    participant_id  bigint
);
create unique index ballot_receipt_uk on ballot (poll_id, receipt);
create index ballot_participant_idx on ballot (poll_id, participant_id);

-- The figures of an analog poll, one entry per source (the hall, or a room through its device).
create sequence poll_count_seq start with 1 increment by 1;
create table poll_count (
    id           bigint primary key,
    poll_id      bigint        not null references poll (id) on delete cascade,
    source       varchar(32)   not null,
    endpoint_id  bigint        references endpoint (id),
    yes          integer       default 0 not null,
    no           integer       default 0 not null,
    abstain      integer       default 0 not null,
    invalid      integer       default 0 not null,
    ballots      integer       default 0 not null,
    options      text,
    entered_by   varchar(255)  not null,
    entered_at   timestamp with time zone not null
);
create unique index poll_count_uk on poll_count (poll_id, source);

-- The last ballot count announced live for an open poll (kept apart from the poll row, which
-- ballots hold a share lock on).
create table poll_progress (
    poll_id  bigint primary key references poll (id) on delete cascade,
    shown    integer not null
);
