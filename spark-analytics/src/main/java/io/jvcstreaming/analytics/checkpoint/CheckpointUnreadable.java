package io.jvcstreaming.analytics.checkpoint;

/**
 * This build's checkpoint exists but cannot be deserialized: the launcher prints the message (no stack trace
 * loop) and exits 3.
 */
public final class CheckpointUnreadable extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public CheckpointUnreadable(String message, Throwable cause) {
    super(message, cause);
  }
}
