package io.jvcstreaming.simulator;

import io.jvcstreaming.simulator.model.LivePublisher;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes at the configured rate from one dedicated thread. It owes {@code rate × elapsed} posts at any moment
 * and pays the difference every tick, so the long-run rate is exact whatever the tick jitter; a stall is not
 * caught up beyond one second's worth (a burst of thousands of posts would not be "live").
 */
final class LiveDriver implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(LiveDriver.class);
  private static final long TICK_MS = 20;

  private final LivePublisher publisher;
  private final double rate;
  private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "simulator-live");
    t.setDaemon(true);
    return t;
  });
  private final long startNanos = System.nanoTime();
  private long published;

  LiveDriver(LivePublisher publisher, double rate) {
    this.publisher = publisher;
    this.rate = rate;
  }

  void start() {
    thread.scheduleAtFixedRate(this::tick, TICK_MS, TICK_MS, TimeUnit.MILLISECONDS);
  }

  private void tick() {
    try {
      long owed = (long) (rate * (System.nanoTime() - startNanos) / 1e9);
      long maxBurst = Math.max(1, (long) rate);
      if (owed - published > maxBurst) {
        published = owed - maxBurst;
      }
      int now = (int) (owed - published);
      if (now > 0) {
        publisher.publish(now, true);
        published += now;
      }
    } catch (RuntimeException e) {
      LOG.error("live tick failed", e); // keep ticking: one bad post must not freeze the forum
    }
  }

  @Override
  public void close() {
    thread.shutdownNow();
    try {
      thread.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
