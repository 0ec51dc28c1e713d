package vn.hopso.org;

/** Live state of a meeting room's video connection, reported by the video feature. */
public enum EndpointStatus {
  OFFLINE,
  CONNECTED,
  IN_CONFERENCE,
  DEGRADED
}
