-- Every room's status in a meeting, as its display reports it over the live channel (issue 10).
-- Portable SQL (PostgreSQL and H2). One row per room and meeting, written in batches by the
-- instance the room's display is connected to (video/RoomStatusService.java); a row that no
-- instance refreshed for a minute means the display is gone (its instance may have died).
create table room_status (
    meeting_id      bigint      not null references meeting (id),
    endpoint_id     bigint      not null references endpoint (id),
    instance_id     varchar(40) not null,
    connected       boolean     not null,
    conference      varchar(16) not null,
    camera          varchar(16) not null,
    microphone      varchar(16) not null,
    quality         varchar(16) not null,
    jitsi_id        varchar(64),
    camera_ok_at     timestamp with time zone,
    microphone_ok_at timestamp with time zone,
    speakers_ok_at   timestamp with time zone,
    connected_at    timestamp with time zone,
    seen_at         timestamp with time zone not null,
    primary key (meeting_id, endpoint_id)
);
create index room_status_seen_idx on room_status (connected, seen_at);
