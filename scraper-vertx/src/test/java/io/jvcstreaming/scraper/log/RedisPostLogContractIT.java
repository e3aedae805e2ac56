package io.jvcstreaming.scraper.log;

import io.jvcstreaming.scraper.metrics.ScraperMetrics;
import io.jvcstreaming.scraper.stream.RecentPosts;
import io.jvcstreaming.testkit.RedisTestServer;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The Redis log keeps every promise of {@link PostLogContract}, against a real Redis server. */
class RedisPostLogContractIT extends PostLogContract {

  private RedisTestServer redis;
  private Vertx vertx;

  @BeforeEach
  void setUp() {
    redis = new RedisTestServer();
    vertx = Vertx.vertx();
  }

  @AfterEach
  void tearDown() {
    vertx.close().await();
    redis.close();
  }

  @Override
  PostLog open(RecentPosts recent, ScraperMetrics metrics, int capacity) {
    RedisPostLog log = new RedisPostLog(vertx, redis.url(), recent, metrics, capacity);
    log.start().await();
    return log;
  }
}
