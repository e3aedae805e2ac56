package io.jvcstreaming.scraper.source;

import java.util.function.LongSupplier;

/**
 * Spaces the requests to one host evenly at a fixed rate: each caller takes the next free slot and is told how
 * long to wait for it. {@link #pauseFor} pushes every later slot back, which is how a 429's Retry-After or a
 * challenge page slows the whole host down, not only the request that got it. Pure apart from the injected
 * clock; the caller does the waiting (a timer, never a blocked thread). Thread-safe.
 */
final class RateLimiter {

  private final LongSupplier nanoClock;
  private final long intervalNanos;
  private long nextSlotNanos;

  /** @param nanoClock a monotonic clock in nanoseconds ({@code System::nanoTime}) */
  RateLimiter(double perSecond, LongSupplier nanoClock) {
    this.nanoClock = nanoClock;
    this.intervalNanos = (long) (1_000_000_000L / perSecond);
    this.nextSlotNanos = nanoClock.getAsLong();
  }

  /** Takes the next slot; returns how many milliseconds from now it starts (0: go at once). */
  synchronized long acquire() {
    long now = nanoClock.getAsLong();
    long slot = Math.max(now, nextSlotNanos);
    nextSlotNanos = slot + intervalNanos;
    return (slot - now) / 1_000_000;
  }

  /** No slot starts before {@code millis} from now. */
  synchronized void pauseFor(long millis) {
    nextSlotNanos = Math.max(nextSlotNanos, nanoClock.getAsLong() + millis * 1_000_000);
  }
}
