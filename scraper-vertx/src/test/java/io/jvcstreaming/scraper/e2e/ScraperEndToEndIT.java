package io.jvcstreaming.scraper.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.jvcstreaming.model.Post;
import io.jvcstreaming.scraper.Scraper;
import io.jvcstreaming.scraper.config.ConfigLoader;
import io.jvcstreaming.scraper.config.ScraperConfig;
import io.jvcstreaming.simulator.Faults;
import io.jvcstreaming.simulator.ForumSimulator;
import io.jvcstreaming.simulator.SimulatorConfig;
import io.jvcstreaming.simulator.TruthPost;
import io.jvcstreaming.testkit.Await;
import io.jvcstreaming.testkit.LineClient;
import io.jvcstreaming.testkit.RedisTestServer;
import io.jvcstreaming.testkit.Truth;
import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The simulator in live mode + a real Redis + the scraper + a TCP client: every published post arrives
 * exactly once with the right fields, under faults and across restarts.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class ScraperEndToEndIT {

  private static final Duration LIVE_PHASE = Duration.ofSeconds(Long.getLong("e2e.seconds", 30));
  /** Posts the forum publishes in a live phase: LIVE_PHASE at its 15 posts/s. */
  private static final int LIVE_POSTS = (int) (LIVE_PHASE.toSeconds() * 15);
  private static final Duration CATCH_UP = Duration.ofSeconds(60);

  private RedisTestServer redis;
  private ForumSimulator simulator;
  private final List<Vertx> vertxes = new ArrayList<>();

  @BeforeEach
  void setUp() {
    redis = new RedisTestServer();
  }

  @AfterEach
  void tearDown() {
    vertxes.forEach(v -> v.close().await());
    if (simulator != null) {
      simulator.close();
    }
    redis.close();
  }

  private void startSimulator(Faults faults) {
    // 60 topics fit on the 3 list pages polled; topics up to 90 posts span several pages
    simulator = ForumSimulator.start(SimulatorConfig.defaults().withSeed(2026).withTopics(60).withLiveRate(15)
        .withPort(0).withMaxPostsPerTopic(90).withFaults(faults));
  }

  private Scraper startScraper() {
    ScraperConfig config = ConfigLoader.load(new String[] {
        "--forum-url", simulator.listUrl(), "--redis-url", redis.url(),
        "--stream-port", "0", "--http-port", "0", "--refresh-interval", "300ms", "--list-pages", "3",
        "--backfill-pages", "all", "--rate", "300", "--backoff-base", "50ms", "--backoff-max", "1s",
        "--max-retries", "6", "--request-timeout", "3s"}, Map.of());
    Vertx vertx = Vertx.vertx();
    vertxes.add(vertx);
    return Scraper.start(vertx, config).await();
  }

  private void stopScraper(Scraper scraper) {
    Vertx vertx = vertxes.remove(vertxes.size() - 1);
    scraper.stop().await();
    vertx.close().await();
  }

  /** Waits until every visible post published before now has arrived, then checks the whole stream. */
  /**
   * A live phase, counted in what happens rather than in seconds: the forum publishes {@code posts} more posts and
   * the client has received posts published during it (so the scraper was following the forum, not idle).
   */
  private void awaitLive(int posts, LineClient client) {
    int from = simulator.truth().size();
    int received = client.posts().size();
    Await.until(LIVE_PHASE.multipliedBy(4), posts + " more posts published and some of them streamed",
        () -> simulator.truth().size() >= from + posts && client.posts().size() > received,
        () -> "published " + (simulator.truth().size() - from) + ", received " + (client.posts().size() - received));
  }

  private void assertStreamMatchesTruth(java.util.function.Supplier<List<Post>> streamed) throws InterruptedException {
    long cutoff = System.currentTimeMillis();
    Set<Long> expected = Truth.mustArrive(simulator.truth(), cutoff);
    assertThat(expected).hasSizeGreaterThan(500);
    Await.until(CATCH_UP, "every visible post published before the cutoff", () -> {
      Set<Long> got = Truth.ids(streamed.get());
      // posts deleted after the cutoff may have been streamed or not: re-read the truth for them
      Set<Long> stillExpected = Truth.mustArrive(simulator.truth(), cutoff);
      return got.containsAll(stillExpected);
    }, () -> Truth.describeMissing(simulator.truth(), cutoff, streamed.get()));
    List<TruthPost> truth = simulator.truth();
    Truth.assertExactlyOnceAndFaithful(streamed.get(), truth);
  }

  @Test
  @DisplayName("live forum: every published post arrives exactly once with the right fields")
  void liveForumStreamsEveryPostExactlyOnce() throws Exception {
    startSimulator(Faults.NONE);
    Scraper scraper = startScraper();
    try (LineClient client = new LineClient(scraper.streamPort(), "RESUME -1")) {
      awaitLive(LIVE_POSTS, client);
      assertStreamMatchesTruth(client::posts);
      assertThat(client.malformed()).isEmpty();
      int received = client.posts().size();
      String metrics = httpGet(scraper.httpPort(), "/metrics");
      long streamed = metrics.lines().filter(l -> l.startsWith("jvc_posts_streamed_total "))
          .mapToLong(l -> Long.parseLong(l.substring(l.indexOf(' ') + 1))).findFirst().orElse(-1);
      assertThat(streamed).as("the metric counts what clients get (posts keep coming meanwhile)")
          .isGreaterThanOrEqualTo(received);
      assertThat(metrics).contains("jvc_pages_fetched_total{outcome=\"ok\"}");
      assertThat(httpGet(scraper.httpPort(), "/ready")).contains("\"ready\":true");
    }
  }

  @Test
  @DisplayName("5 % 503s and 2 % dropped connections: retried, nothing lost, nothing doubled")
  void faultsAreRetriedWithoutLossOrDuplicates() throws Exception {
    startSimulator(new Faults(0.05, 0.02, 0, 0, 0, 0, 0));
    Scraper scraper = startScraper();
    try (LineClient client = new LineClient(scraper.streamPort(), "RESUME -1")) {
      awaitLive(LIVE_POSTS, client);
      assertStreamMatchesTruth(client::posts);
      assertThat(scraper.metrics().retries()).as("faults were met and retried").isPositive();
    }
  }

  @Test
  @DisplayName("scraper stopped and started again: no duplicate, no gap")
  void scraperRestartLosesAndDoublesNothing() throws Exception {
    startSimulator(Faults.NONE);
    List<Post> all = new ArrayList<>();
    Scraper first = startScraper();
    long lastSeq;
    try (LineClient client = new LineClient(first.streamPort(), "RESUME -1")) {
      awaitLive(LIVE_POSTS / 2, client);
      stopScraper(first);
      Await.until(Duration.ofSeconds(10), "stream closed", client::ended);
      all.addAll(client.posts());
      lastSeq = client.lastSeq();
    }
    // the forum moves on while we are down: posts published now must be found by the restarted scraper
    int publishedWhileUp = simulator.truth().size();
    Await.until(Duration.ofSeconds(30), "posts published while the scraper is down",
        () -> simulator.truth().size() >= publishedWhileUp + 20);
    Scraper second = startScraper();
    try (LineClient client = new LineClient(second.streamPort(), "RESUME " + lastSeq)) {
      awaitLive(LIVE_POSTS / 2, client);
      assertStreamMatchesTruth(() -> {
        List<Post> joined = new ArrayList<>(all);
        joined.addAll(client.posts());
        return joined;
      });
    }
  }

  @Test
  @DisplayName("Redis restarted mid-run: the crawl pauses, catches up, and the stream stays exact")
  void redisRestartLosesAndDoublesNothing() throws Exception {
    startSimulator(Faults.NONE);
    Scraper scraper = startScraper();
    try (LineClient client = new LineClient(scraper.streamPort(), "RESUME -1")) {
      awaitLive(LIVE_POSTS / 3, client);
      redis.stop();
      Await.until(Duration.ofSeconds(20), "readiness reports the outage",
          () -> !scraper.readiness().ready() && scraper.readiness().degraded().contains("redis"));
      // the outage is over only once the crawl has really hit it (an append failed), not after a guessed duration
      Await.until(Duration.ofSeconds(30), "an append failing on the stopped Redis",
          () -> scraper.metrics().redisErrors() > 0);
      redis.start();
      awaitLive(LIVE_POSTS / 2, client);
      assertStreamMatchesTruth(client::posts);
      assertThat(scraper.metrics().redisErrors()).isPositive();
    }
  }

  private static String httpGet(int port, String path) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString()).body();
  }
}
