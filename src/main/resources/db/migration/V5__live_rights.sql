-- Issue 7, second part: speeches paused with the session, tickets that carry their grant.

-- A speech paused because the whole session paused resumes with the session; one the chair
-- paused on its own stays paused when the session resumes.
alter table speaker_request add column paused_with_session boolean default false not null;

-- A ticket carries what was decided when it was issued (for a live socket: what the person may
-- see), so that its handshake need not decide it again; changes of rights revoke tickets.
alter table auth_ticket add column grant_data varchar(200);
create index auth_ticket_person_idx on auth_ticket (person_id);
