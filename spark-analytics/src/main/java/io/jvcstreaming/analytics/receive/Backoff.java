package io.jvcstreaming.analytics.receive;

import java.io.Serializable;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Capped exponential backoff with "equal jitter": the n-th consecutive failure waits a random time in
 * [d/2, d] where d = min(max, initial * 2^n). Not thread-safe; one per receiver thread.
 */
final class Backoff implements Serializable {

  private static final long serialVersionUID = 1L;

  private final long initialMillis;
  private final long maxMillis;
  private int failures;

  Backoff(long initialMillis, long maxMillis) {
    if (initialMillis < 1 || maxMillis < initialMillis) {
      throw new IllegalArgumentException("need 1 <= initial <= max, got " + initialMillis + ", " + maxMillis);
    }
    this.initialMillis = initialMillis;
    this.maxMillis = maxMillis;
  }

  /** The delay before the next attempt; each call counts one more failure. */
  long nextDelayMillis() {
    long ceiling = failures >= 30 ? maxMillis : Math.min(maxMillis, initialMillis << failures);
    failures++;
    long half = ceiling / 2;
    return half + ThreadLocalRandom.current().nextLong(ceiling - half + 1);
  }

  /** A connection worked: start again from the initial delay. */
  void reset() {
    failures = 0;
  }

  int failures() {
    return failures;
  }
}
