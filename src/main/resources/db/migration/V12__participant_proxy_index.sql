-- Whose proxy a participant holds (the poll view's "my ballots" and the ballot desk's principals):
-- without an index each lookup read every participant of the meeting, 0.3 ms with 2,000 of them,
-- on every tablet's poll fetch (pg_stat_statements under bench/vote.sh). Also serves the foreign
-- key's check when a participant is removed.
create index participant_proxy_idx on participant (proxy_id);
