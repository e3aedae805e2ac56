package io.jvcstreaming.e2e.support;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Polls a condition against a deadline; never sleep-then-assert. */
public final class Await {

  private Await() {
  }

  public static void until(Duration timeout, String what, BooleanSupplier condition) {
    until(timeout, what, condition, () -> "");
  }

  /** Polls every 100 ms; on timeout fails with {@code what} and the state {@code state} describes then. */
  public static void until(Duration timeout, String what, BooleanSupplier condition, Supplier<String> state) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for: " + what
            + System.lineSeparator() + "  state: " + state.get());
      }
      sleep(100);
    }
  }

  /** Lets time pass in a live phase (not a correctness wait). */
  public static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
