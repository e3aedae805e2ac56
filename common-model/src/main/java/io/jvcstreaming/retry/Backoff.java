package io.jvcstreaming.retry;

import java.io.Serializable;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Capped exponential backoff with "equal jitter": the n-th consecutive failure waits a random time in
 * [d/2, d] where d = min(max, initial * 2^n). The one backoff of the project (receiver reconnects, Redis
 * tailer, forum retries, leader renewals): jitter keeps many clients that failed together from retrying
 * together. Not thread-safe; one per retrying loop.
 */
public final class Backoff implements Serializable {

  private static final long serialVersionUID = 1L;

  private final long initialMillis;
  private final long maxMillis;
  private int failures;

  public Backoff(long initialMillis, long maxMillis) {
    if (initialMillis < 1 || maxMillis < initialMillis) {
      throw new IllegalArgumentException("need 1 <= initial <= max, got " + initialMillis + ", " + maxMillis);
    }
    this.initialMillis = initialMillis;
    this.maxMillis = maxMillis;
  }

  /** The delay before the next attempt; each call counts one more failure. */
  public long nextDelayMillis() {
    long ceiling = failures >= 30 ? maxMillis : Math.min(maxMillis, initialMillis << failures);
    failures++;
    long half = ceiling / 2;
    return half + ThreadLocalRandom.current().nextLong(ceiling - half + 1);
  }

  /** The delay after {@code failures} consecutive failures, without keeping a count (stateless callers). */
  public static long delayMillis(long initialMillis, long maxMillis, int failures) {
    Backoff b = new Backoff(initialMillis, maxMillis);
    b.failures = Math.max(0, failures - 1);
    return b.nextDelayMillis();
  }

  /** A connection worked: start again from the initial delay. */
  public void reset() {
    failures = 0;
  }

  public int failures() {
    return failures;
  }
}
