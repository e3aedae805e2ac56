package io.jvcstreaming.analytics.testing;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Waits on a condition itself, polled against a deadline: never a bare sleep before an assertion. */
public final class Await {

  private static final long POLL_NANOS = 20_000_000;

  private Await() {
  }

  /** @return whether the condition held before the deadline (callers assert on the state they waited for) */
  public static boolean until(Duration timeout, BooleanSupplier condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline || Thread.currentThread().isInterrupted()) {
        return false;
      }
      LockSupport.parkNanos(POLL_NANOS);
    }
    return true;
  }
}
