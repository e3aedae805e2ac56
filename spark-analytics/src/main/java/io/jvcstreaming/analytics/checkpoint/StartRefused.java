package io.jvcstreaming.analytics.checkpoint;

/** The options of this start contradict the checkpoint it would continue: the launcher prints it and exits 2. */
public final class StartRefused extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public StartRefused(String message) {
    super(message);
  }
}
