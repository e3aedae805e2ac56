package io.jvcstreaming.scraper;

import static org.assertj.core.api.Assertions.assertThat;

import io.jvcstreaming.codec.PostCodec;
import io.jvcstreaming.model.Post;
import io.jvcstreaming.scraper.config.ConfigLoader;
import io.jvcstreaming.scraper.config.ScraperConfig;
import io.jvcstreaming.scraper.config.StoreKind;
import io.jvcstreaming.simulator.Faults;
import io.jvcstreaming.simulator.ForumSimulator;
import io.jvcstreaming.simulator.SimulatorConfig;
import io.jvcstreaming.testkit.Await;
import io.jvcstreaming.testkit.LineClient;
import io.jvcstreaming.testkit.RedisTestServer;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The whole scraper on each store: the default local store across a restart, and a Redis wiped under it. */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ScraperStoreIT {

  private static final Duration WAIT = Duration.ofSeconds(60);

  @TempDir
  Path tmp;
  private ForumSimulator simulator;
  private final List<Vertx> vertxes = new ArrayList<>();

  @BeforeEach
  void setUp() {
    simulator = ForumSimulator.start(SimulatorConfig.defaults().withSeed(7).withTopics(20).withLiveRate(20)
        .withPort(0).withMaxPostsPerTopic(60).withFaults(Faults.NONE));
  }

  @AfterEach
  void tearDown() {
    vertxes.forEach(v -> v.close().await());
    simulator.close();
  }

  private Scraper start(Map<String, String> env, String... extra) {
    List<String> args = new ArrayList<>(List.of("--forum-url", simulator.listUrl(), "--stream-port", "0",
        "--http-port", "0", "--refresh-interval", "300ms", "--rate", "300", "--backoff-base", "50ms",
        "--backoff-max", "1s"));
    args.addAll(List.of(extra));
    ScraperConfig config = ConfigLoader.load(args.toArray(String[]::new), env);
    Vertx vertx = Vertx.vertx();
    vertxes.add(vertx);
    return Scraper.start(vertx, config).await();
  }

  private static List<Post> window(Scraper s) throws Exception {
    List<Post> out = new ArrayList<>();
    for (byte[] line : s.recentPosts().readAll(Math.max(0, s.recentPosts().firstSeq()))) {
      out.add(PostCodec.decode(line, 0, line.length - 1));
    }
    return out;
  }

  @Test
  void theDefaultStoreIsLocalAndARestartContinuesTheStream() throws Exception {
    Path dataDir = tmp.resolve("data");
    Map<String, String> env = Map.of("JVC_DATA_DIR", dataDir.toString());
    assertThat(ConfigLoader.load(new String[0], env).store()).isEqualTo(StoreKind.LOCAL);
    Scraper first = start(env);
    Await.until(WAIT, "posts streamed", () -> first.recentPosts().lastSeq() >= 50);
    String streamId = first.streamId();
    first.stop().await();
    vertxes.remove(0).close().await();
    long lastBefore = first.recentPosts().lastSeq();

    Scraper second = start(env);
    assertThat(second.streamId()).as("same store, same stream").isEqualTo(streamId);
    assertThat(second.recentPosts().firstSeq()).as("window reloaded from the store").isZero();
    assertThat(second.recentPosts().lastSeq()).isGreaterThanOrEqualTo(lastBefore);
    Await.until(WAIT, "new posts after the restart", () -> second.recentPosts().lastSeq() > lastBefore + 20);
    List<Post> posts = window(second);
    Set<Long> ids = new HashSet<>();
    for (int i = 0; i < posts.size(); i++) {
      assertThat(posts.get(i).seq()).isEqualTo(i);
      assertThat(ids.add(posts.get(i).id())).as("post %d streamed once", posts.get(i).id()).isTrue();
    }
  }

  @Test
  void aRedisWipedUnderARunningScraperAsksForExitCodeThree() throws Exception {
    try (RedisTestServer redis = new RedisTestServer()) {
      Scraper scraper = start(Map.of(), "--redis-url", redis.url());
      Await.until(WAIT, "posts streamed", () -> scraper.recentPosts().lastSeq() >= 20);
      Redis client = Redis.createClient(vertxes.get(0), redis.url());
      client.send(Request.cmd(Command.FLUSHALL)).await();
      client.close();
      assertThat(scraper.exitRequested().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS))
          .isEqualTo(Scraper.STREAM_LOST_EXIT);
      assertThat(scraper.metrics().streamsLost()).isPositive();
      assertThat(scraper.readiness().ready()).as("not ready once the stream is lost").isFalse();
      scraper.stop().await();
    }
  }
}
