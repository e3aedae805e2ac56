package io.jvcstreaming.dashboard;

/**
 * At most one log line per interval for a repeating event, so a flood (a client retrying a bad token in a loop)
 * cannot fill the disk; the counter in the health numbers keeps the full count. Not thread-safe: one event loop.
 */
final class WarnThrottle {

  private final long intervalNanos;
  private long lastNanos;
  private boolean logged;

  public WarnThrottle(long intervalNanos) {
    this.intervalNanos = intervalNanos;
  }

  /** Whether the event seen at {@code nowNanos} (a {@link System#nanoTime()} reading) should be logged. */
  public boolean shouldLog(long nowNanos) {
    if (logged && nowNanos - lastNanos < intervalNanos) {
      return false;
    }
    logged = true;
    lastNanos = nowNanos;
    return true;
  }
}
