package io.jvcstreaming.scraper.source;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

/**
 * Spaces the requests to one host evenly at a fixed rate, without blocking: a caller gets a future that
 * completes when its slot comes. {@link #pauseFor} pushes every later slot back, which is how a 429's
 * Retry-After or a challenge page slows the whole host down, not only the request that got it.
 */
final class RateLimiter {

  private final Vertx vertx;
  private final long intervalNanos;
  private long nextSlotNanos;

  RateLimiter(Vertx vertx, double perSecond) {
    this.vertx = vertx;
    this.intervalNanos = (long) (1_000_000_000L / perSecond);
    this.nextSlotNanos = System.nanoTime();
  }

  Future<Void> acquire() {
    long delayMillis;
    synchronized (this) {
      long now = System.nanoTime();
      long slot = Math.max(now, nextSlotNanos);
      nextSlotNanos = slot + intervalNanos;
      delayMillis = (slot - now) / 1_000_000;
    }
    if (delayMillis <= 0) {
      return Future.succeededFuture();
    }
    Promise<Void> promise = Promise.promise();
    vertx.setTimer(delayMillis, t -> promise.complete());
    return promise.future();
  }

  synchronized void pauseFor(long millis) {
    nextSlotNanos = Math.max(nextSlotNanos, System.nanoTime() + millis * 1_000_000);
  }
}
