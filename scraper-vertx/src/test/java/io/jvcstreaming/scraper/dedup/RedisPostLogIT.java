package io.jvcstreaming.scraper.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import io.jvcstreaming.codec.PostCodec;
import io.jvcstreaming.model.Post;
import io.jvcstreaming.scraper.metrics.ScraperMetrics;
import io.jvcstreaming.scraper.stream.RecentPosts;
import io.jvcstreaming.scraper.support.LineClient;
import io.jvcstreaming.scraper.support.RedisTestServer;
import io.jvcstreaming.scraper.support.TestPosts;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Redis log against a real Redis server. */
class RedisPostLogIT {

  private static final Duration WAIT = Duration.ofSeconds(20);
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

  private RedisPostLog open(RecentPosts recent) {
    RedisPostLog log = new RedisPostLog(vertx, redis.url(), recent, new ScraperMetrics(), 100_000);
    log.start().await();
    return log;
  }

  private static List<Post> decodeAll(RecentPosts recent) throws Exception {
    List<Post> out = new ArrayList<>();
    for (byte[] line : recent.readAll(Math.max(0, recent.firstSeq()))) {
      out.add(PostCodec.decode(line, 0, line.length - 1));
    }
    return out;
  }

  @Test
  void appendingTheSamePostsTwiceLogsThemOnce() throws Exception {
    RecentPosts recent = new RecentPosts(100_000);
    RedisPostLog log = open(recent);
    assertThat(log.append(7, TestPosts.posts(7, 100, 10), 1).await()).isEqualTo(10);
    assertThat(log.append(7, TestPosts.posts(7, 100, 10), 1).await()).isZero();
    assertThat(log.append(7, TestPosts.posts(7, 105, 10), 2).await()).as("only ids 110..114 are new").isEqualTo(5);
    assertThat(log.bookmark(7).await()).isEqualTo(new Bookmark(7, 114, 2));
    LineClient.await(WAIT, "tail reaches 15 posts", () -> recent.size() == 15);
    List<Post> posts = decodeAll(recent);
    assertThat(posts).extracting(Post::id).containsExactlyElementsOf(
        java.util.stream.LongStream.range(100, 115).boxed().toList());
    assertThat(posts).extracting(Post::seq).containsExactlyElementsOf(
        java.util.stream.LongStream.range(1, 16).boxed().toList());
    assertThat(posts.get(0).text()).isEqualTo("message 100 é 😂");
  }

  @Test
  void bookmarksAreKeptPerTopicIdNotPerTitle() {
    RedisPostLog log = open(new RecentPosts(100_000));
    log.append(1, TestPosts.posts(1, 500, 3), 1).await();
    assertThat(log.bookmark(1).await().lastMessageId()).isEqualTo(502);
    assertThat(log.bookmark(2).await()).isEqualTo(Bookmark.none(2));
    assertThat(log.append(2, TestPosts.posts(2, 10, 2), 1).await()).as("lower ids in another topic are new").isEqualTo(2);
    log.gone(1).await();
    assertThat(log.bookmark(1).await().lastMessageId()).as("a gone topic keeps its bookmark").isEqualTo(502);
  }

  @Test
  void seqContinuesAcrossARestartAndTheWindowIsReloaded() throws Exception {
    RedisPostLog first = open(new RecentPosts(100_000));
    first.append(1, TestPosts.posts(1, 1, 20), 1).await();
    first.close().await();

    RecentPosts recent = new RecentPosts(100_000);
    RedisPostLog second = open(recent);
    LineClient.await(WAIT, "window reloaded from Redis", () -> recent.size() == 20);
    assertThat(second.append(1, TestPosts.posts(1, 1, 25), 1).await()).isEqualTo(5);
    LineClient.await(WAIT, "25 posts", () -> recent.size() == 25);
    assertThat(decodeAll(recent)).extracting(Post::seq).containsExactlyElementsOf(
        java.util.stream.LongStream.range(1, 26).boxed().toList());
  }

  @Test
  void redisDownFailsAppendsWithoutMovingBookmarksAndRecoversAfterARestart() throws Exception {
    RecentPosts recent = new RecentPosts(100_000);
    RedisPostLog log = open(recent);
    log.append(3, TestPosts.posts(3, 1, 5), 1).await();
    redis.stop();
    boolean failed;
    try {
      log.append(3, TestPosts.posts(3, 6, 5), 1).await();
      failed = false;
    } catch (Exception e) {
      failed = true;
    }
    assertThat(failed).as("append fails while Redis is down").isTrue();
    LineClient.await(WAIT, "unhealthy", () -> !log.healthy());
    assertThat(recent.size()).as("the window still serves what it held").isEqualTo(5);

    redis.start(); // AOF brings the data back
    LineClient.await(Duration.ofSeconds(40), "healthy again", () -> {
      try {
        return log.bookmark(3).await().lastMessageId() == 5;
      } catch (Exception e) {
        return false;
      }
    });
    assertThat(log.append(3, TestPosts.posts(3, 1, 10), 1).await()).isEqualTo(5);
    LineClient.await(WAIT, "window complete", () -> recent.size() == 10);
    assertThat(decodeAll(recent)).extracting(Post::id).containsExactlyElementsOf(
        java.util.stream.LongStream.range(1, 11).boxed().toList());
  }
}
