-- When an open poll's count was last announced live (vote/PollTicker): the count goes out at most
-- once per hopso.polls.progress-every, shared by every instance, while the ticker still checks
-- twice a second whether the poll must close. Portable SQL (PostgreSQL and H2).
alter table poll_progress add column shown_at timestamp with time zone;
