-- A speech paused because the whole session paused resumes with the session; one the chair
-- paused on its own stays paused when the session resumes.
alter table speaker_request add column paused_with_session boolean default false not null;
