-- The ground for the live session. Portable SQL (PostgreSQL and H2).

-- 1. Derived columns sized from their sources (common/Limits.java): search keys hold every
--    searchable field folded; notification titles and mail subjects prefix a meeting title.
alter table unit alter column search_key set data type varchar(8000);
alter table endpoint alter column search_key set data type varchar(8000);
alter table person alter column search_key set data type varchar(8000);
alter table meeting alter column search_key set data type varchar(8000);
alter table notification alter column title set data type varchar(600);
alter table notification alter column body set data type varchar(8000);
alter table outbound_message alter column subject set data type varchar(600);

-- 2. The audit log no longer serialises writers: entries are inserted with an id from a
--    sequence and sealed into the hash chain afterwards (audit/AuditSealer.java). Existing
--    entries are sealed again, in id order, by the first sealing run.
create sequence audit_entry_seq start with 1000001 increment by 50;
alter table audit_entry add column seal_seq bigint;
alter table audit_entry alter column prev_hash drop not null;
alter table audit_entry alter column hash drop not null;
update audit_entry set prev_hash = null, hash = null;
update audit_head set last_id = 0,
    last_hash = '0000000000000000000000000000000000000000000000000000000000000000';
create unique index audit_entry_seal_uk on audit_entry (seal_seq);

-- 3. Single-use tickets (WebSocket handshakes cannot carry a bearer token).
create table auth_ticket (
    ticket_hash  varchar(64) primary key,
    person_id    bigint       not null references person (id),
    scope        varchar(128) not null,
    expires_at   timestamp with time zone not null
);
create index auth_ticket_expiry_idx on auth_ticket (expires_at);
