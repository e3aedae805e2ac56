package io.jvcstreaming.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.jvcstreaming.codec.ResumeAnswer;
import io.jvcstreaming.e2e.support.ChildProcess;
import io.jvcstreaming.e2e.support.Env;
import io.jvcstreaming.e2e.support.HttpSink;
import io.jvcstreaming.e2e.support.LogTails;
import io.jvcstreaming.e2e.support.Scraper;
import io.jvcstreaming.e2e.support.SparkJob;
import io.jvcstreaming.e2e.support.SparkReport;
import io.jvcstreaming.e2e.support.Stack;
import io.jvcstreaming.e2e.support.StreamClient;
import io.jvcstreaming.e2e.support.TcpProxy;
import io.jvcstreaming.model.Post;
import io.jvcstreaming.simulator.Faults;
import io.jvcstreaming.simulator.ForumSimulator;
import io.jvcstreaming.simulator.TruthPost;
import io.jvcstreaming.testkit.Await;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue #10, the proof: every way the pipeline's parts stop, start and meet again, each case on a fresh stack of
 * real processes (the simulator live in this JVM, the scraper jar, the {@code all} Spark job jar in local mode with
 * a checkpoint dir, Redis when the case needs it), ending with {@link Stack#verify}: the stream exact per stream id
 * against the simulator's truth, and every authors/stickers/topics/words report of every Spark driver equal to the
 * counts of the posts it covers, each post once.
 *
 * <p>Live phases: {@code -De2e.matrix.seconds=N} (3 s by default; a restart happens inside a phase at a random
 * moment of a crawl, the seed printed). Waits are on conditions, each bounded on its own; {@code @Timeout} is the
 * outer guard for long phases.
 */
@ExtendWith(LogTails.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RestartMatrixIT {

  private static final Duration PHASE =
      Duration.ofMillis((long) (Double.parseDouble(System.getProperty("e2e.matrix.seconds", "3")) * 1000));
  private static final long SEED_OFFSET = Long.getLong("e2e.seedOffset", 0);
  /** Bound of each catch-up wait (stream and Spark), sized for a loaded 2-core box; passing runs take seconds. */
  private static final Duration CATCH_UP = Duration.ofSeconds(180);
  /** More than the server's 500 ms handshake window. */
  private static final long LATE_RESUME_MILLIS = 900;

  private Stack stack;
  private Random random;

  @BeforeEach
  void setUp(TestInfo info) {
    stack = new Stack(Env.logRoot().resolve(getClass().getSimpleName()).resolve(info.getTestMethod().orElseThrow().getName()));
  }

  @AfterEach
  void tearDown() {
    stack.close();
  }

  /** Simulator + (Redis) + scraper + test client + Spark reading the scraper; {@code token} on both ends. */
  private void startAll(long seed, boolean redis, String token) {
    long s = seed + SEED_OFFSET;
    random = new Random(s);
    System.out.printf("[e2e] seed %d%n", s);
    stack.startSimulator(s, Faults.NONE);
    if (redis) {
      stack.startRedis();
    }
    Scraper scraper = stack.startScraper(token);
    stack.startClient();
    stack.startSpark(scraper.streamAddress(), job -> job.setToken(token));
  }

  private static void live(double fraction) {
    Await.sleep((long) (PHASE.toMillis() * fraction));
  }

  /**
   * A random moment of a crawl: a burst of posts over many topics (the scraper fetching pages and appending them),
   * then a random 0-600 ms into it.
   */
  private void intoACrawl() {
    stack.simulator().publishNow(60 + random.nextInt(80));
    long delay = random.nextInt(600);
    System.out.printf("[e2e] stopping %d ms into a crawl%n", delay);
    Await.sleep(delay);
  }

  private String streamId() {
    return StreamClient.probe(stack.scraper().streamPort()).streamId();
  }

  private SparkReport lastAuthors(int driver) {
    List<SparkReport> r = stack.spark().reports(driver, "authors");
    return r.get(r.size() - 1);
  }

  /** The run.sh pair: scraper on its default store + Spark {@code all} with a checkpoint, both stopped, both started. */
  private void pairRestart(long seed, boolean kill) {
    startAll(seed, false, null);
    live(1);
    String before = streamId();
    intoACrawl();
    Scraper scraper = stack.scraper();
    SparkJob spark = stack.spark();
    ChildProcess s1 = scraper.current();
    ChildProcess d1 = spark.current();
    if (kill) {
      s1.kill();
      d1.kill();
    } else {
      s1.terminate();
      d1.terminate();
      Integer scraperCode = s1.awaitExit(60_000);
      Integer driverCode = d1.awaitExit(60_000);
      assertThat(scraperCode).as("the scraper exits within 60 s of SIGTERM; see %s", s1.log()).isNotNull();
      assertThat(driverCode).as("the Spark driver exits within 60 s of SIGTERM; see %s", d1.log()).isNotNull();
      System.out.printf("[e2e] after SIGTERM: scraper exit %d, Spark driver exit %d%n", scraperCode, driverCode);
    }
    SparkReport lastOf1 = lastAuthors(1);
    live(0.5); // the forum moves on while both are down
    scraper.start();
    stack.restartSpark();
    assertThat(streamId()).as("the default store kept the stream (same id) across the restart").isEqualTo(before);
    SparkReport firstOf2 = stack.spark().reports(2, "authors").get(0);
    if (!kill) {
      assertThat(firstOf2.totalPosts()).as("driver 2 continues the counts driver 1 stopped at")
          .isGreaterThanOrEqualTo(lastOf1.totalPosts());
    }
    live(1);
    stack.verify(CATCH_UP);
    assertThat(stack.client().segments()).as("one stream all along").hasSize(1);
    assertThat(stack.client().connections()).as("the test client reconnected and resumed").isGreaterThanOrEqualTo(2);
    assertThat(lastAuthors(2).totalPosts()).as("driver 2 counted past driver 1").isGreaterThan(lastOf1.totalPosts());
  }

  @Test
  @Tag("long") // pairSigkill is the harsher restart of the pair; SIGTERM paths: StandaloneJarIT, CrawlStatsOnExitIT, scraperRestart
  @Order(1)
  @Timeout(value = 10, unit = TimeUnit.MINUTES)
  @DisplayName("1. run.sh pair (default store + Spark checkpoint) SIGTERMed mid-crawl and started again: exact")
  void pairSigterm() {
    pairRestart(701, false);
  }

  @Test
  @Order(2)
  @Timeout(value = 10, unit = TimeUnit.MINUTES)
  @DisplayName("2. run.sh pair SIGKILLed mid-crawl and started again: exact")
  void pairSigkill() {
    pairRestart(702, true);
  }

  @Test
  @Order(3)
  @Timeout(value = 10, unit = TimeUnit.MINUTES)
  @DisplayName("3. scraper alone SIGKILLed mid-crawl and restarted on its default store: same stream, exact")
  void scraperRestart() {
    startAll(703, false, null);
    live(1);
    String before = streamId();
    intoACrawl();
    stack.scraper().kill();
    live(0.3);
    stack.scraper().start();
    assertThat(streamId()).as("the restarted scraper serves the same stream").isEqualTo(before);
    live(1);
    stack.verify(CATCH_UP);
    assertThat(stack.client().segments()).hasSize(1);
    assertThat(stack.spark().drivers()).as("one Spark driver all along (its receiver resumed)").isEqualTo(1);
    assertThat(stack.spark().latest("authors").driver()).isEqualTo(1);
  }

  @Test
  @Order(4)
  @Timeout(value = 10, unit = TimeUnit.MINUTES)
  @DisplayName("4. Spark driver alone SIGKILLed mid-crawl and restarted from its checkpoint: exact")
  void sparkDriverRestart() {
    startAll(704, false, null);
    live(1);
    intoACrawl();
    SparkReport lastOf1 = lastAuthors(1);
    stack.spark().kill();
    stack.restartSpark();
    live(1);
    stack.verify(CATCH_UP);
    assertThat(stack.scraper().runs()).isEqualTo(1);
    assertThat(stack.spark().latest("authors").driver()).isEqualTo(2);
    assertThat(lastAuthors(2).totalPosts()).isGreaterThan(lastOf1.totalPosts());
  }

  @Test
  @Order(5)
  @Timeout(value = 10, unit = TimeUnit.MINUTES)
  @DisplayName("5. Redis restarted (AOF) under a running scraper: same stream, the scraper carries on, exact")
  void redisRestart() {
    startAll(705, true, null);
    live(1);
    String before = streamId();
    intoACrawl();
    stack.redis().stop();
    stack.redis().start();
    live(1);
    stack.verify(CATCH_UP);
    assertThat(streamId()).as("Redis restarted on its AOF: the same stream").isEqualTo(before);
    assertThat(stack.scraper().runs()).isEqualTo(1);
    assertThat(stack.scraper().current().isAlive()).as("the scraper survived the Redis restart").isTrue();
    assertThat(stack.client().segments()).hasSize(1);
  }

  @Test
  @Order(6)
  @Timeout(value = 10, unit = TimeUnit.MINUTES)
  @DisplayName("6. default store deleted while the scraper is stopped: a new stream id, nothing lost or counted twice")
  void wipedLocalStore() {
    startAll(706, false, null);
    live(1);
    String before = streamId();
    intoACrawl();
    int code = stack.scraper().terminate();
    // Both readers hold the whole old stream before it goes: the Spark prefix check compares them post by post.
    stack.awaitSparkCovers(stack.client().countedPosts().size(), CATCH_UP);
    Path data = stack.scraper().dataDir();
    assertThat(data).as("the default store's directory (./data of the scraper's working directory)").isDirectory();
    deleteTree(data);
    live(0.3);
    stack.scraper().start();
    String after = streamId();
    System.out.printf("[e2e] scraper exit %d after SIGTERM; stream %s -> %s%n", code, before, after);
    assertThat(after).as("a wiped store is a new stream").isNotEqualTo(before);
    live(1);
    stack.verify(CATCH_UP);
    assertStreamChanged(before, after);
  }

  @Test
  @Order(7)
  @Timeout(value = 10, unit = TimeUnit.MINUTES)
  @DisplayName("7. FLUSHALL under a running scraper: it exits with code 3, restarts on a new stream, exact")
  void redisFlushedWhileRunning() {
    startAll(707, true, null);
    live(1);
    String before = streamId();
    stack.redis().flushAll();
    stack.simulator().publishNow(20); // something to append, which the store must refuse
    ChildProcess first = stack.scraper().current();
    Integer code = first.awaitExit(60_000);
    assertThat(code).as("the scraper exits when its stream vanished from Redis; see %s", first.log()).isEqualTo(3);
    stack.awaitSparkCovers(stack.client().countedPosts().size(), CATCH_UP);
    stack.scraper().start(); // what run.sh's loop / Kubernetes does
    String after = streamId();
    assertThat(after).as("the restarted scraper serves a new stream").isNotEqualTo(before);
    live(1);
    stack.verify(CATCH_UP);
    assertStreamChanged(before, after);
  }

  private void assertStreamChanged(String before, String after) {
    List<StreamClient.Segment> segments = stack.client().segments();
    assertThat(segments).extracting(StreamClient.Segment::streamId).as("the test client read both streams")
        .containsExactly(before, after);
    assertThat(stack.client().answers()).extracting(ResumeAnswer::kind).as("answers to the test client")
        .contains(ResumeAnswer.Kind.STREAM_CHANGED);
    Set<Long> old = new java.util.HashSet<>();
    segments.get(0).posts().forEach(p -> old.add(p.id()));
    long replayed = segments.get(1).posts().stream().filter(p -> old.contains(p.id())).count();
    System.out.printf("[e2e] new stream re-streamed %d posts already counted (dropped by the receiver)%n", replayed);
  }

  @Test
  @Order(8)
  @Timeout(value = 10, unit = TimeUnit.MINUTES)
  @DisplayName("8. RESUME delayed past the handshake window by a proxy: answered resume-after-live, exact")
  void resumeAfterLive() throws IOException {
    long s = 708 + SEED_OFFSET;
    random = new Random(s);
    stack.startSimulator(s, Faults.NONE);
    Scraper scraper = stack.startScraper();
    stack.startClient();
    try (TcpProxy proxy = new TcpProxy(scraper.streamPort())) {
      stack.startSpark(proxy.address());
      live(1);
      proxy.delayClientBytes(LATE_RESUME_MILLIS);
      int acceptedBefore = proxy.accepted();
      proxy.cutAll();
      Await.until(Duration.ofSeconds(30), "the Spark receiver reconnecting through the proxy",
          () -> proxy.accepted() > acceptedBefore && proxy.open() > 0,
          () -> "accepted " + proxy.accepted() + ", open " + proxy.open());
      Await.until(Duration.ofSeconds(30), "the scraper answering the late RESUME with resume-after-live",
          () -> logContains(scraper.current().log(), "resume-after-live"), () -> "see " + scraper.current().log());
      live(1);
      stack.verify(CATCH_UP);
      assertThat(stack.spark().drivers()).isEqualTo(1);
    }
  }

  @Test
  @Order(9)
  @Timeout(value = 10, unit = TimeUnit.MINUTES)
  @DisplayName("9. a topic answers 410, then comes back: its posts streamed once, its new posts streamed")
  void topicGoneThenBack() {
    startAll(709, false, null);
    ForumSimulator sim = stack.simulator();
    live(1);
    Set<Long> deleted = new LinkedHashSet<>();
    long gone410 = sim.requestStats().getOrDefault("410", 0L);
    // Delete a topic right after a post bumps it (the scraper is about to fetch it) until the scraper met a 410.
    // Forum latency during this phase keeps each topic fetch in flight for a while, so a deletion lands inside one
    // (without it, the scraper usually reads the list after the deletion and never asks for the topic at all).
    sim.setFaults(Faults.NONE.withLatency(500, 300));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (sim.requestStats().getOrDefault("410", 0L) == gone410 && deleted.size() < 25) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the scraper met no 410 in 60 s after deleting topics " + deleted);
      }
      List<TruthPost> truth = sim.truth();
      for (int i = truth.size() - 1; i >= 0; i--) {
        TruthPost t = truth.get(i);
        if (!t.deleted() && !deleted.contains(t.post().topicId())) {
          Await.sleep(50 + random.nextInt(250));
          sim.deleteTopic(t.post().topicId());
          deleted.add(t.post().topicId());
          break;
        }
      }
      Await.sleep(700); // the pace of the moderation, not a wait for a result
    }
    sim.setFaults(Faults.NONE);
    live(0.3);
    long restoredAt = System.currentTimeMillis();
    deleted.forEach(sim::restoreTopic);
    Await.until(Duration.ofSeconds(60), "a post published after the restore in a restored topic " + deleted
            + " reaching the test client",
        () -> stack.client().posts().stream().anyMatch(p -> deleted.contains(p.topicId())
            && publishedAfter(sim, p, restoredAt)));
    live(1);
    stack.verify(CATCH_UP);
    assertThat(sim.requestStats().getOrDefault("410", 0L)).as("410s served").isGreaterThan(gone410);
    System.out.printf("[e2e] topics deleted then restored: %s; scraper jvc_topics_gone_total %s%n", deleted,
        stack.scraper().metric("jvc_topics_gone_total"));
  }

  private static boolean publishedAfter(ForumSimulator sim, Post p, long millis) {
    List<TruthPost> truth = sim.truth();
    return p.seq() < truth.size() && truth.get((int) p.seq()).publishedAtMillis() > millis;
  }

  @Test
  @Tag("long") // FreshConfigIT (spark-analytics) proves fresh settings after a recovery in the default run
  @Order(10)
  @Timeout(value = 10, unit = TimeUnit.MINUTES)
  @DisplayName("10. a new --publish-url and a rotated STREAM_TOKEN after a restart take effect")
  void newPublishUrlAndToken() {
    try (HttpSink first = new HttpSink(); HttpSink second = new HttpSink()) {
      long s = 710 + SEED_OFFSET;
      random = new Random(s);
      stack.startSimulator(s, Faults.NONE);
      Scraper scraper = stack.startScraper("token-one");
      stack.startClient();
      stack.startSpark(scraper.streamAddress(), job -> {
        job.setToken("token-one");
        job.setPublishUrl(first.url("/api/results"));
      });
      Await.until(Duration.ofSeconds(60), "reports POSTed to the first --publish-url",
          () -> first.requests().stream().anyMatch(r -> r.body().contains("\"job\":\"authors\"")));
      live(1);
      SparkJob spark = stack.spark();
      spark.terminate();
      scraper.terminate();
      SparkReport lastOf1 = lastAuthors(1);
      scraper.setToken("token-two");
      stack.client().setToken("token-two");
      scraper.start();
      spark.setToken("token-two");
      spark.setPublishUrl(second.url("/v2/results"));
      long driver2Started = System.currentTimeMillis();
      stack.restartSpark();
      Await.until(Duration.ofSeconds(60), "driver 2 POSTing its reports to the new --publish-url",
          () -> second.requests().stream().anyMatch(r -> r.body().contains("\"job\":\"authors\"")));
      live(1);
      stack.verify(CATCH_UP);
      assertThat(second.requests()).allMatch(r -> r.path().equals("/v2/results"));
      assertThat(first.requests()).as("nothing POSTed to the old URL once driver 2 started")
          .noneMatch(r -> r.receivedAtMillis() >= driver2Started);
      assertThat(lastAuthors(2).totalPosts()).as("driver 2 authenticated with the new token and counted")
          .isGreaterThan(lastOf1.totalPosts());
    }
  }

  private static boolean logContains(Path log, String text) {
    try {
      return Files.readString(log).contains(text);
    } catch (IOException e) {
      return false;
    }
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertThat(dir).doesNotExist();
  }
}
