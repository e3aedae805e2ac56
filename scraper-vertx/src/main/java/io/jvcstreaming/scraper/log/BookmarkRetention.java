package io.jvcstreaming.scraper.log;

import java.time.Duration;

/**
 * How long a bookmark outlives its topic's last append. It must outlive the log's retention by far: the
 * per-post-id guard only remembers what the log still holds (the last {@code --log-capacity} posts, about a
 * day or two of forum 51), so a bookmark is what stops a quiet topic, bumped again, from being "new" and
 * having its last page streamed again. 90 days, refreshed on every append: a topic silent for longer than a
 * season is read as new once (and the receiver's per-topic high-water mark drops what it already counted).
 */
final class BookmarkRetention {

  public static final Duration TTL = Duration.ofDays(90);

  private BookmarkRetention() {
  }

  /** True when a bookmark last moved at {@code touchedMillis} may be dropped at {@code nowMillis}. */
  public static boolean expired(long touchedMillis, long nowMillis) {
    return nowMillis - touchedMillis > TTL.toMillis();
  }
}
