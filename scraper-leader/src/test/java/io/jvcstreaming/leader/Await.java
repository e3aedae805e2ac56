package io.jvcstreaming.leader;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waits for a condition. The deadline only turns a hang into a failure with a message; it is far longer than any
 * step needs on a loaded machine, and no test asserts how quickly anything happened.
 */
final class Await {

  static final Duration HANG_GUARD = Duration.ofSeconds(90);

  private Await() {
  }

  static void until(BooleanSupplier condition, String what) {
    long deadline = System.nanoTime() + HANG_GUARD.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("still not true after " + HANG_GUARD + " (hang guard): " + what);
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
