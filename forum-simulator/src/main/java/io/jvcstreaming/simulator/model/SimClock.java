package io.jvcstreaming.simulator.model;

import io.jvcstreaming.simulator.markup.ParisDates;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

/**
 * The forum's "now". Live mode follows the wall clock from its start; static mode is frozen at a fixed instant
 * (so the same seed renders byte-identical pages, relative dates included) and only moves one second per
 * post published through the API, keeping dates increasing.
 */
public final class SimClock {

  /** Static mode's "now": a winter (CET) evening, so the history also spans the summer (CEST) offset. */
  public static final Instant STATIC_ANCHOR = ZonedDateTime.of(2026, 11, 25, 22, 30, 0, 0, ParisDates.PARIS).toInstant();

  private final boolean live;
  private final Instant anchor;
  private final long startNanos = System.nanoTime();
  private long staticTicks;

  private SimClock(boolean live, Instant anchor) {
    this.live = live;
    this.anchor = anchor;
  }

  public static SimClock frozen() {
    return new SimClock(false, STATIC_ANCHOR);
  }

  public static SimClock wall() {
    return new SimClock(true, Instant.now().truncatedTo(ChronoUnit.SECONDS));
  }

  /** When the generated history ends. */
  public Instant anchor() {
    return anchor;
  }

  public synchronized Instant now() {
    if (live) {
      return anchor.plusNanos(System.nanoTime() - startNanos).truncatedTo(ChronoUnit.SECONDS);
    }
    return anchor.plusSeconds(staticTicks);
  }

  /** Called once per post published after start: only moves the frozen clock. */
  public synchronized void onPublish() {
    if (!live) {
      staticTicks++;
    }
  }
}
