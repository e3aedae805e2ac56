package io.jvcstreaming.testkit;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Polls a condition against a deadline; never sleep-then-assert. The deadline only turns a hang into a failure with
 * a message: it is far longer than any step needs on a loaded machine, and no test asserts how quickly anything
 * happened.
 */
public final class Await {

  /** The deadline of {@link #until(String, BooleanSupplier)}. */
  public static final Duration HANG_GUARD = Duration.ofSeconds(90);

  private static final long POLL_NANOS = 20_000_000;

  private Await() {
  }

  /** Waits up to {@link #HANG_GUARD}; on timeout fails with {@code what}. */
  public static void until(String what, BooleanSupplier condition) {
    until(HANG_GUARD, what, condition, () -> "");
  }

  public static void until(Duration timeout, String what, BooleanSupplier condition) {
    until(timeout, what, condition, () -> "");
  }

  /** On timeout fails with {@code what} and the state {@code state} describes then. */
  public static void until(Duration timeout, String what, BooleanSupplier condition, Supplier<String> state) {
    if (!within(timeout, condition)) {
      String now = state.get();
      throw new AssertionError("timed out after " + timeout + " waiting for: " + what
          + (now.isEmpty() ? "" : System.lineSeparator() + "  state: " + now));
    }
  }

  /** @return whether the condition held before the deadline (for callers that assert on it themselves) */
  public static boolean within(Duration timeout, BooleanSupplier condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      LockSupport.parkNanos(POLL_NANOS);
      if (Thread.currentThread().isInterrupted()) {
        throw new IllegalStateException("interrupted while waiting");
      }
    }
    return true;
  }

  /** Lets time pass in a live phase (load kept running while something else happens), not a correctness wait. */
  public static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
