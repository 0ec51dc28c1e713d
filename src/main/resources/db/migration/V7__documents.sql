-- Issue 8: documents, their versions, who may read them, watermarked copies, read receipts and
-- annotations. Bytes live in object storage (storage/); these tables keep metadata and keys.
-- Portable SQL (PostgreSQL and H2).

create sequence document_seq start with 1 increment by 1;
create table document (
    id                bigint primary key,
    meeting_id        bigint        not null references meeting (id),
    agenda_item_id    bigint        references agenda_item (id) on delete set null,
    title             varchar(500)  not null,
    -- PARTICIPANTS: every participant; NAMED: only the people in document_reader
    audience          varchar(16)   not null,
    confidential      boolean       default false not null,
    position          integer       default 0 not null,
    current_version   integer       default 0 not null,
    withdrawn_at      timestamp with time zone,
    created_by        bigint        references person (id),
    created_at        timestamp with time zone not null,
    version           bigint        default 0 not null
);
create index document_meeting_idx on document (meeting_id);

create table document_reader (
    document_id  bigint not null references document (id),
    person_id    bigint not null references person (id),
    primary key (document_id, person_id)
);

create sequence document_version_seq start with 1 increment by 1;
create table document_version (
    id               bigint primary key,
    document_id      bigint        not null references document (id),
    number           integer       not null,
    file_name        varchar(255)  not null,
    content_type     varchar(255)  not null,
    original_key     varchar(255)  not null,
    original_size    bigint        not null,
    original_sha256  varchar(64)   not null,
    -- the PDF readers get (the original itself when it was a PDF); null when none could be made
    pdf_key          varchar(255),
    pdf_size         bigint,
    pdf_sha256       varchar(64),
    pages            integer,
    page_hashes      text,
    thumbnail_key    varchar(255),
    -- NOT_NEEDED (a PDF), CONVERTED (Office, images), UNAVAILABLE (no LibreOffice), FAILED
    conversion       varchar(16)   not null,
    note             varchar(500),
    uploaded_by      bigint        references person (id),
    uploaded_by_name varchar(255),
    uploaded_at      timestamp with time zone not null
);
create unique index document_version_uk on document_version (document_id, number);

-- A confidential version's copy for one person, watermarked with their name (made once, kept).
create table document_copy (
    version_id   bigint       not null references document_version (id),
    person_id    bigint       not null references person (id),
    object_key   varchar(255) not null,
    size         bigint       not null,
    sha256       varchar(64)  not null,
    code         varchar(16)  not null,
    created_at   timestamp with time zone not null,
    primary key (version_id, person_id)
);
create unique index document_copy_code_uk on document_copy (code);

-- Who opened which version, when, and which pages they saw (a bit per page, hex).
create table read_receipt (
    version_id       bigint       not null references document_version (id),
    person_id        bigint       not null references person (id),
    first_opened_at  timestamp with time zone not null,
    last_opened_at   timestamp with time zone not null,
    opens            integer      not null,
    pages_seen       integer      not null,
    page_bits        varchar(2048) not null,
    primary key (version_id, person_id)
);

-- Annotations: data, not ink in the PDF. The id is made by the client (an offline tablet queues
-- its changes and sends them again: every write is an idempotent upsert by id).
create table annotation (
    id            varchar(36)   primary key,
    document_id   bigint        not null references document (id),
    version_no    integer       not null,
    person_id     bigint        not null references person (id),
    kind          varchar(16)   not null,
    page          integer       not null,
    color         varchar(7),
    body          text          not null,
    note          varchar(4000),
    -- PRIVATE, PARTICIPANTS, NAMED (annotation_share)
    sharing       varchar(16)   not null,
    deleted       boolean       default false not null,
    carried_from  varchar(36),
    created_at    timestamp with time zone not null,
    updated_at    timestamp with time zone not null,
    rev           bigint        default 0 not null
);
create index annotation_document_idx on annotation (document_id, version_no);

create table annotation_share (
    annotation_id  varchar(36) not null references annotation (id),
    person_id      bigint      not null references person (id),
    primary key (annotation_id, person_id)
);
