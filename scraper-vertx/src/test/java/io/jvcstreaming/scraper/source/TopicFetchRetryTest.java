package io.jvcstreaming.scraper.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.jvcstreaming.scraper.config.ConfigLoader;
import io.jvcstreaming.scraper.config.ScraperConfig;
import io.jvcstreaming.scraper.log.InMemoryPostLog;
import io.jvcstreaming.scraper.metrics.ScraperMetrics;
import io.jvcstreaming.scraper.stream.RecentPosts;
import io.vertx.core.Vertx;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A failed topic's retry with the fetch queue full: parked, counted, and fetched once there is room. */
class TopicFetchRetryTest {

  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void tearDown() {
    vertx.close().await();
  }

  private static TopicWork work(long id) {
    return new TopicWork(id, "http://127.0.0.1:1/forums/42-51-" + id + "-1-0-1-0-t.htm", 1, "t" + id);
  }

  @Test
  void aRetryIntoAFullQueueIsParkedAndCountedNotLost() {
    ScraperConfig config = ConfigLoader.load(new String[0], Map.of());
    ScraperMetrics metrics = new ScraperMetrics();
    FetchQueue queue = new FetchQueue(1);
    TopicFetchVerticle fetcher = new TopicFetchVerticle(config, new ForumHttpClient(vertx, config, metrics), queue,
        new InMemoryPostLog(new RecentPosts(10)), metrics);
    queue.offer(work(1));

    fetcher.requeue(work(2), 3);

    assertThat(metrics.retriesParked()).isEqualTo(1);
    assertThat(metrics.render(true, true)).contains("jvc_fetch_retries_parked_total 1");
    assertThat(queue.poll()).isEqualTo(work(1));
    assertThat(queue.poll()).as("the parked retry, once a place is free").isEqualTo(work(2));
  }

  @Test
  void aRetryWithRoomIsQueuedAndNotCounted() {
    ScraperConfig config = ConfigLoader.load(new String[0], Map.of());
    ScraperMetrics metrics = new ScraperMetrics();
    FetchQueue queue = new FetchQueue(4);
    TopicFetchVerticle fetcher = new TopicFetchVerticle(config, new ForumHttpClient(vertx, config, metrics), queue,
        new InMemoryPostLog(new RecentPosts(10)), metrics);
    fetcher.requeue(work(2), 1);
    assertThat(metrics.retriesParked()).isZero();
    assertThat(queue.poll()).isEqualTo(work(2));
  }
}
