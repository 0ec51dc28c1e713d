package vn.hopso.vote;

/** A poll's life: a draft is prepared, opened for ballots, closed (counted), then published. */
public enum PollState {
  DRAFT,
  OPEN,
  CLOSED,
  PUBLISHED
}
