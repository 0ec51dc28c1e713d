-- Issue 11: the minutes (drafted from the record, edited in saved versions, approved, signed by
-- the secretary and the chair, published), the conclusions and the follow-up tasks.
-- Portable SQL (PostgreSQL and H2).

create sequence minutes_seq start with 1 increment by 1;
create table minutes (
    id               bigint primary key,
    meeting_id       bigint        not null references meeting (id),
    -- MINUTES (the meeting's record), CORRECTION (a later signed document that corrects it)
    kind             varchar(16)   not null,
    corrects_id      bigint        references minutes (id),
    -- DRAFT, APPROVED, SIGNING, SIGNED, PUBLISHED
    state            varchar(16)   not null,
    number           varchar(64)   not null,
    place            varchar(500)  not null,
    minutes_date     date          not null,
    title            varchar(500)  not null,
    subtitle         varchar(500)  not null,
    -- the rich text (the allow-list of MinutesHtml), the recipients one per line
    body             text          not null,
    recipients       varchar(4000) not null,
    -- the number of the last saved version (minutes_version)
    revision         integer       not null,
    approved_by      bigint        references person (id),
    approved_at      timestamp with time zone,
    -- the PDF as it stands: rendered at approval, then one object per signature (never rewritten)
    pdf_key          varchar(255),
    pdf_sha256       varchar(64),
    pdf_size         bigint,
    -- where each signature block leaves room for a signature (JSON)
    signature_places varchar(2000),
    -- the heads of the record's hash chains when the PDF was made
    event_head       varchar(64),
    event_count      bigint,
    poll_head        varchar(64),
    audit_head       varchar(64),
    audit_seq        bigint,
    -- a signature prepared for an outside signer (USB token, remote service), waiting for its CMS
    pending_role     varchar(16),
    pending_key      varchar(255),
    pending_digest   varchar(64),
    pending_person   bigint        references person (id),
    pending_until    timestamp with time zone,
    published_at     timestamp with time zone,
    published_by     bigint        references person (id),
    created_by       bigint        references person (id),
    created_at       timestamp with time zone not null,
    updated_at       timestamp with time zone not null,
    version          bigint        default 0 not null
);
create index minutes_meeting_idx on minutes (meeting_id);

create sequence minutes_version_seq start with 1 increment by 1;
create table minutes_version (
    id           bigint primary key,
    minutes_id   bigint        not null references minutes (id),
    revision     integer       not null,
    title        varchar(500)  not null,
    subtitle     varchar(500)  not null,
    body         text          not null,
    recipients   varchar(4000) not null,
    note         varchar(500),
    saved_by     bigint        references person (id),
    saved_at     timestamp with time zone not null
);
create unique index minutes_version_uk on minutes_version (minutes_id, revision);

create sequence minutes_signature_seq start with 1 increment by 1;
create table minutes_signature (
    id                  bigint primary key,
    minutes_id          bigint        not null references minutes (id),
    -- SECRETARY, CHAIR
    role                varchar(16)   not null,
    person_id           bigint        not null references person (id),
    -- SERVER (the organisation's certificate), HASH (a USB token or a remote signing service)
    method              varchar(16)   not null,
    signed_at           timestamp with time zone not null,
    certificate_subject varchar(1000) not null,
    certificate_issuer  varchar(1000) not null,
    certificate_sha256  varchar(64)   not null,
    timestamped         boolean       default false not null,
    -- the PDF after this signature
    pdf_key             varchar(255)  not null,
    pdf_sha256          varchar(64)   not null
);
create unique index minutes_signature_uk on minutes_signature (minutes_id, role);

create sequence conclusion_seq start with 1 increment by 1;
create table conclusion (
    id              bigint primary key,
    meeting_id      bigint        not null references meeting (id),
    agenda_item_id  bigint        references agenda_item (id) on delete set null,
    position        integer       not null,
    text            varchar(4000) not null,
    created_by      bigint        references person (id),
    created_at      timestamp with time zone not null,
    version         bigint        default 0 not null
);
create index conclusion_meeting_idx on conclusion (meeting_id);

create sequence task_seq start with 1 increment by 1;
create table task (
    id                bigint primary key,
    meeting_id        bigint        not null references meeting (id),
    conclusion_id     bigint        references conclusion (id) on delete set null,
    title             varchar(500)  not null,
    detail            varchar(4000),
    unit_id           bigint        references unit (id),
    person_id         bigint        references person (id),
    deadline          date          not null,
    -- LOW, NORMAL, HIGH, URGENT
    priority          varchar(16)   not null,
    -- OPEN, IN_PROGRESS, REPORTED, DONE, CANCELLED
    state             varchar(16)   not null,
    progress          integer       default 0 not null,
    issued_by         bigint        not null references person (id),
    created_at        timestamp with time zone not null,
    reported_at       timestamp with time zone,
    done_at           timestamp with time zone,
    -- the reminders sent (each once, whatever the number of instances)
    reminded_before   timestamp with time zone,
    reminded_overdue  timestamp with time zone,
    version           bigint        default 0 not null
);
create index task_meeting_idx on task (meeting_id);
create index task_unit_idx on task (unit_id, state);
create index task_person_idx on task (person_id, state);
create index task_deadline_idx on task (state, deadline);

create sequence task_update_seq start with 1 increment by 1;
create table task_update (
    id            bigint primary key,
    task_id       bigint        not null references task (id),
    person_id     bigint        not null references person (id),
    -- PROGRESS, REPORTED, ACCEPTED, RETURNED, REOPENED, CANCELLED
    kind          varchar(16)   not null,
    progress      integer,
    note          varchar(4000),
    file_name     varchar(255),
    file_key      varchar(255),
    file_size     bigint,
    file_type     varchar(255),
    file_sha256   varchar(64),
    at            timestamp with time zone not null
);
create index task_update_task_idx on task_update (task_id);

-- The demonstration signer's PKCS#12 (made on the first start when no organisation certificate is
-- configured) is kept with the other generated secrets, shared by every instance.
alter table app_secret alter column secret_value set data type varchar(8000);
