package vn.hopso.speaker;

/**
 * A request to speak: waiting in the queue, speaking, done, withdrawn by its author, or dropped.
 */
public enum SpeakerState {
  WAITING,
  SPEAKING,
  DONE,
  WITHDRAWN,
  CANCELLED
}
