package io.jvcstreaming.scraper.log;

import static org.assertj.core.api.Assertions.assertThat;

import io.jvcstreaming.codec.PostCodec;
import io.jvcstreaming.model.Post;
import io.jvcstreaming.scraper.metrics.ScraperMetrics;
import io.jvcstreaming.scraper.stream.RecentPosts;
import io.jvcstreaming.testkit.Await;
import io.jvcstreaming.testkit.LineClient;
import io.jvcstreaming.testkit.RedisTestServer;
import io.jvcstreaming.testkit.TestPosts;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

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
    Await.until(WAIT, "tail reaches 15 posts", () -> recent.size() == 15);
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
    Await.until(WAIT, "window reloaded from Redis", () -> recent.size() == 20);
    assertThat(second.append(1, TestPosts.posts(1, 1, 25), 1).await()).isEqualTo(5);
    Await.until(WAIT, "25 posts", () -> recent.size() == 25);
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
    Await.until(WAIT, "unhealthy", () -> !log.healthy());
    assertThat(recent.size()).as("the window still serves what it held").isEqualTo(5);

    redis.start(); // AOF brings the data back
    Await.until(Duration.ofSeconds(40), "healthy again", () -> {
      try {
        return log.bookmark(3).await().lastMessageId() == 5;
      } catch (Exception e) {
        return false;
      }
    });
    assertThat(log.append(3, TestPosts.posts(3, 1, 10), 1).await()).isEqualTo(5);
    Await.until(WAIT, "window complete", () -> recent.size() == 10);
    assertThat(decodeAll(recent)).extracting(Post::id).containsExactlyElementsOf(
        java.util.stream.LongStream.range(1, 11).boxed().toList());
  }

  private Response redisCmd(Request request) {
    Redis client = Redis.createClient(vertx, redis.url());
    try {
      return client.send(request).await();
    } finally {
      client.close();
    }
  }

  @Test
  void bookmarksLiveNinetyDaysFromTheirLastAppend() {
    RedisPostLog log = open(new RecentPosts(100_000));
    log.append(4, TestPosts.posts(4, 1, 2), 1).await();
    long ttl = redisCmd(Request.cmd(Command.TTL).arg(RedisPostLog.BOOKMARK_PREFIX + 4)).toLong();
    assertThat(ttl).isGreaterThan(BookmarkRetention.TTL.toSeconds() - 60).isLessThanOrEqualTo(BookmarkRetention.TTL.toSeconds());
  }

  /** Ways Redis loses the stream under a running scraper. */
  enum Loss {
    FLUSHALL(Request.cmd(Command.FLUSHALL)),
    ID_DELETED(Request.cmd(Command.DEL).arg(RedisPostLog.STREAM_ID_KEY)),
    ID_REPLACED(Request.cmd(Command.SET).arg(RedisPostLog.STREAM_ID_KEY).arg("00000000000000aa")),
    SEQ_DELETED(Request.cmd(Command.DEL).arg(RedisPostLog.SEQ_KEY));

    final Request request;

    Loss(Request request) {
      this.request = request;
    }
  }

  @ParameterizedTest
  @EnumSource(Loss.class)
  void anAppendAfterTheStreamIdIsLostWritesNothingAndSaysStreamLost(Loss loss) throws Exception {
    ScraperMetrics metrics = new ScraperMetrics();
    RedisPostLog log = new RedisPostLog(vertx, redis.url(), new RecentPosts(100_000), metrics, 100_000);
    List<String> reasons = new CopyOnWriteArrayList<>();
    log.onStreamLost(reasons::add);
    log.start().await();
    String opened = log.streamId();
    log.append(1, TestPosts.posts(1, 1, 5), 1).await();
    long seqBefore = loss == Loss.FLUSHALL ? -1 : redisCmd(Request.cmd(Command.GET).arg(RedisPostLog.SEQ_KEY)).toLong();
    long lenBefore = loss == Loss.FLUSHALL ? 0 : redisCmd(Request.cmd(Command.XLEN).arg(RedisPostLog.LOG_KEY)).toLong();

    redisCmd(loss.request);
    for (int attempt = 0; attempt < 2; attempt++) {
      Throwable failure = log.append(1, TestPosts.posts(1, 6, 3), 1).<Throwable>map(n -> null)
          .otherwise(e -> e).await();
      assertThat(failure).as("attempt %d", attempt).isNotNull();
      assertThat(failure.getMessage()).contains("STREAMLOST").contains(opened);
    }
    assertThat(reasons).as("the scraper is told once").hasSize(1);
    assertThat(reasons.get(0)).contains(opened).contains("topic 1").contains("exit 3");
    assertThat(metrics.streamsLost()).isEqualTo(2);
    assertThat(metrics.render(false, true)).contains("jvc_stream_lost_total 2");
    assertThat(log.healthy()).isFalse();
    Response seq = redisCmd(Request.cmd(Command.GET).arg(RedisPostLog.SEQ_KEY));
    assertThat(seq == null ? -1 : seq.toLong()).as("seq untouched")
        .isEqualTo(loss == Loss.SEQ_DELETED ? -1 : seqBefore);
    assertThat(redisCmd(Request.cmd(Command.XLEN).arg(RedisPostLog.LOG_KEY)).toLong()).as("log untouched")
        .isEqualTo(lenBefore);

    RecentPosts recent = new RecentPosts(100_000);
    RedisPostLog restarted = open(recent);
    assertThat(restarted.append(1, TestPosts.posts(1, 6, 3), 1).await()).isEqualTo(3);
    List<Post> posts = PostLogContract.window(recent, loss == Loss.FLUSHALL ? 3 : 8);
    if (loss == Loss.SEQ_DELETED) {
      // the log survived: the seq is restored from it and the same stream continues, 6..8 after 1..5
      assertThat(restarted.streamId()).isEqualTo(opened);
      assertThat(posts).extracting(Post::seq).containsExactlyElementsOf(PostLogContract.ids(1, 8));
    } else {
      // the restarted scraper opens whatever stream Redis now holds, and never the old id
      assertThat(restarted.streamId()).isNotEqualTo(opened);
    }
  }
}
