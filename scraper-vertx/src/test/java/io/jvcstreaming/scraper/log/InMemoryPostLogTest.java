package io.jvcstreaming.scraper.log;

import static org.assertj.core.api.Assertions.assertThat;

import io.jvcstreaming.scraper.metrics.ScraperMetrics;
import io.jvcstreaming.scraper.stream.RecentPosts;
import org.junit.jupiter.api.Test;

/** The explicit in-memory log keeps the same promises while the process lives. */
class InMemoryPostLogTest extends PostLogContract {

  @Override
  PostLog open(RecentPosts recent, ScraperMetrics metrics, int capacity) {
    PostLog log = new InMemoryPostLog(recent, metrics, capacity);
    log.start().await();
    return log;
  }

  @Test
  void everyProcessIsANewStream() {
    PostLog a = open(new RecentPosts(100_000), new ScraperMetrics(), 100_000);
    PostLog b = open(new RecentPosts(100_000), new ScraperMetrics(), 100_000);
    assertThat(a.streamId()).isNotEqualTo(b.streamId());
    assertThat(a.durable()).isFalse();
  }
}
