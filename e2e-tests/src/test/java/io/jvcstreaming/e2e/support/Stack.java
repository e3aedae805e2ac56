package io.jvcstreaming.e2e.support;

import io.jvcstreaming.model.Post;
import io.jvcstreaming.simulator.Faults;
import io.jvcstreaming.simulator.ForumSimulator;
import io.jvcstreaming.simulator.SimulatorConfig;
import io.jvcstreaming.simulator.TruthPost;
import io.jvcstreaming.testkit.Await;
import io.jvcstreaming.testkit.RedisTestServer;
import io.jvcstreaming.testkit.TestDirs;
import io.jvcstreaming.testkit.Truth;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One scenario's processes: the simulator (in this JVM, live), a real Redis, the scraper jar, the test's stream
 * client and the {@code all} Spark job jar, plus the checks every scenario ends with. Closing kills everything.
 */
public final class Stack implements AutoCloseable {

  /** The counts compared with the stream (the other jobs are not derived from exact per-post keys here). */
  public static final List<String> COUNTED_JOBS = List.of("authors", "stickers", "topics", "words");
  /** Jobs with one key per post: their counts sum to the posts counted. */
  private static final List<String> ONE_KEY_PER_POST = List.of("authors", "topics");

  private final Path logDir;
  private final List<AutoCloseable> closeables = new ArrayList<>();
  private ForumSimulator simulator;
  private RedisTestServer redis;
  private Scraper scraper;
  private StreamClient client;
  private SparkJob spark;

  public Stack(Path logDir) {
    this.logDir = logDir;
    TestDirs.fresh(logDir);
  }

  public Path logDir() {
    return logDir;
  }

  /** Live forum: 60 topics (all on the 3 list pages polled), 15 posts/s, topics up to 90 posts (several pages). */
  public ForumSimulator startSimulator(long seed, Faults faults) {
    simulator = ForumSimulator.start(SimulatorConfig.defaults().withSeed(seed).withTopics(60).withLiveRate(15)
        .withPort(0).withHost("127.0.0.1").withMaxPostsPerTopic(90).withFaults(faults));
    closeables.add(simulator);
    return simulator;
  }

  public RedisTestServer startRedis() {
    redis = new RedisTestServer(logDir.resolve("redis-data"));
    closeables.add(redis);
    return redis;
  }

  /** The scraper on the Redis of this stack when one was started, else on its default store (no store flag). */
  public Scraper startScraper() {
    return startScraper(null);
  }

  /** As {@link #startScraper()}, with the stream token {@code token} (null = none). */
  public Scraper startScraper(String token) {
    scraper = new Scraper(logDir, simulator.listUrl(), redis == null ? null : redis.url());
    closeables.add(scraper);
    scraper.setToken(token);
    scraper.start();
    return scraper;
  }

  public StreamClient startClient() {
    client = new StreamClient(scraper.streamPort(), scraper.token());
    closeables.add(client);
    return client;
  }

  /** Starts the Spark job reading {@code source} and waits until it has counted posts. */
  public SparkJob startSpark(String source) {
    return startSpark(source, job -> { });
  }

  /** As {@link #startSpark(String)}, with {@code configure} setting the first driver's token, publish URL... */
  public SparkJob startSpark(String source, java.util.function.Consumer<SparkJob> configure) {
    spark = new SparkJob(logDir, source, logDir.resolve("spark-checkpoint"));
    closeables.add(spark);
    configure.accept(spark);
    spark.start();
    awaitDriverCounting(1);
    return spark;
  }

  /** Starts the next Spark driver (recovering from the checkpoint) and waits until it counts. */
  public void restartSpark() {
    spark.start();
    awaitDriverCounting(spark.drivers());
  }

  /**
   * How long a Spark driver may take from its start to its first report with posts: 300 s, measured start-up is
   * 30-60 s on an idle 2-core box and over 150 s with ~40 runnable processes on it (other builds).
   */
  public static final Duration SPARK_START = Duration.ofSeconds(300);

  /** Waits (bounded) until driver number {@code driver} has printed an authors report with posts in it. */
  public void awaitDriverCounting(int driver) {
    ChildProcess p = spark.current();
    Await.until(SPARK_START, "Spark driver " + driver + " printing a non-empty authors report", () -> {
      if (!p.isAlive()) {
        throw new AssertionError("Spark driver " + driver + " exited early with " + p.awaitExit(1000) + "; see " + p.log());
      }
      SparkReport r = spark.latest("authors");
      return r != null && r.driver() == driver && r.totalPosts() > 0;
    });
  }

  public ForumSimulator simulator() {
    return simulator;
  }

  public RedisTestServer redis() {
    return redis;
  }

  public Scraper scraper() {
    return scraper;
  }

  public StreamClient client() {
    return client;
  }

  public SparkJob spark() {
    return spark;
  }

  /**
   * The end of every scenario. Cutoff = now; then (bounded waits):
   * <ol>
   *   <li>the test client got every visible post published before the cutoff, and each stream it read (one per
   *       stream id) is exact: no duplicate, continuous seqs, nothing invented, fields as published; no answer of
   *       the server said posts were lost;</li>
   *   <li>every authors/stickers/topics/words report any Spark driver printed equals the counts of the first
   *       {@code totalPosts} posts counted by the client (each post once: a new stream id re-streams posts already
   *       counted), and the last ones cover every post up to the cutoff.</li>
   * </ol>
   * Returns the cutoff.
   */
  public long verify(Duration catchUp) {
    long cutoff = System.currentTimeMillis();
    awaitStreamCaughtUp(cutoff, catchUp);
    List<TruthPost> truth = simulator.truth();
    for (StreamClient.Segment segment : client.segments()) {
      try {
        Truth.assertExactlyOnceAndFaithful(segment.posts(), truth);
      } catch (AssertionError e) {
        throw new AssertionError("stream " + (segment.streamId().isEmpty() ? "(v1, no id)" : segment.streamId())
            + ": " + e.getMessage(), e);
      }
    }
    if (!client.malformed().isEmpty()) {
      throw new AssertionError("the test client read malformed post lines: " + client.malformed());
    }
    List<Post> counted = client.countedPosts();
    Set<Long> must = Truth.mustArrive(truth, cutoff);
    int required = 0;
    for (int i = 0; i < counted.size(); i++) {
      if (must.contains(counted.get(i).id())) {
        required = i + 1;
      }
    }
    awaitSparkCovers(required, catchUp);
    int reports = checkEverySparkReport();
    // Last, so that a run also tells whether the counts were exact despite it.
    if (!client.problems().isEmpty()) {
      throw new AssertionError("the stream and the Spark counts are exact, but the stream server's answers to the test"
          + " client break the protocol contract (from= is the seq of the next post line): " + client.problems());
    }
    System.out.printf("[e2e] %s verified: %d posts counted exactly once (%d streamed over %d stream id(s)), %d visible"
        + " posts published before the cutoff all among them; %d Spark reports (%s, %d driver(s)) equal to the"
        + " counts of the posts they cover; last authors report: %d posts%n", logDir.getFileName(), counted.size(),
        client.size(), client.segments().size(), must.size(), reports, COUNTED_JOBS, spark.latest("authors").driver(),
        spark.latest("authors").totalPosts());
    return cutoff;
  }

  private void awaitStreamCaughtUp(long cutoff, Duration catchUp) {
    Await.until(catchUp, "the stream client receiving every visible post published before the cutoff",
        () -> Truth.ids(client.posts()).containsAll(Truth.mustArrive(simulator.truth(), cutoff)),
        () -> Truth.describeMissing(simulator.truth(), cutoff, client.posts()) + "\n  scraper metrics: "
            + scraper.metrics());
  }

  /** Waits (bounded) until every counted job's latest report covers the first {@code required} counted posts. */
  public void awaitSparkCovers(int required, Duration catchUp) {
    Await.until(catchUp, "the Spark job's " + COUNTED_JOBS + " reports covering the first " + required
            + " posts counted by the stream client",
        () -> COUNTED_JOBS.stream().allMatch(job -> {
          SparkReport r = spark.latest(job);
          return r != null && r.totalPosts() >= required;
        }),
        () -> {
          StringBuilder sb = new StringBuilder("stream client counted " + client.countedPosts().size() + " posts;");
          for (String job : COUNTED_JOBS) {
            SparkReport r = spark.latest(job);
            sb.append(' ').append(job).append(": ").append(r == null ? "no report"
                : "totalPosts " + r.totalPosts() + " (batch " + r.batchTime() + ", driver " + r.driver() + ")");
          }
          return sb.toString();
        });
  }

  /**
   * Every report of the counted jobs against the counts of the client's first {@code totalPosts} counted posts.
   * Walks the reports by size with running counts, so each post is counted once per job.
   */
  public int checkEverySparkReport() {
    if (!spark.unparsed().isEmpty()) {
      throw new AssertionError("Spark job printed lines the test could not read: " + spark.unparsed());
    }
    List<Post> counted = client.countedPosts();
    int checked = 0;
    for (String job : COUNTED_JOBS) {
      List<SparkReport> byJob = new ArrayList<>(spark.reports().stream().filter(r -> r.job().equals(job)).toList());
      byJob.sort(Comparator.comparingLong(SparkReport::totalPosts));
      Map<String, Long> running = new HashMap<>();
      int n = 0;
      for (SparkReport r : byJob) {
        if (r.totalPosts() > counted.size()) {
          throw new AssertionError("Spark driver " + r.driver() + ", job " + job + ", batch " + r.batchTime()
              + " counted " + r.totalPosts() + " posts, more than the " + counted.size()
              + " distinct posts the stream client received: posts counted twice");
        }
        while (n < r.totalPosts()) {
          ExpectedCounts.count(job, counted.get(n++), running);
        }
        if (!running.equals(r.counts())) {
          throw new AssertionError("Spark driver " + r.driver() + ", job " + job + ", batch " + r.batchTime()
              + " (totalPosts " + r.totalPosts() + "): counts differ from the first " + r.totalPosts()
              + " posts counted by the stream client (posts " + describe(counted, (int) r.totalPosts()) + "): "
              + ExpectedCounts.diff(running, r.counts()));
        }
        if (ONE_KEY_PER_POST.contains(job) && r.sum() != r.totalPosts()) {
          throw new AssertionError("Spark driver " + r.driver() + ", job " + job + ", batch " + r.batchTime()
              + ": counts sum to " + r.sum() + " but totalPosts is " + r.totalPosts());
        }
        checked++;
      }
    }
    if (checked < 3) {
      throw new AssertionError("only " + checked + " Spark reports could be checked");
    }
    return checked;
  }

  private static String describe(List<Post> counted, int n) {
    return n == 0 ? "none" : "seq " + counted.get(0).seq() + " .. seq " + counted.get(n - 1).seq() + " of the stream";
  }

  /** The truth posts published in [from, to], for the scenarios that look at a period. */
  public List<TruthPost> truthBetween(long from, long to) {
    return simulator.truth().stream().filter(t -> t.publishedAtMillis() >= from && t.publishedAtMillis() <= to).toList();
  }

  @Override
  public void close() {
    for (int i = closeables.size() - 1; i >= 0; i--) {
      try {
        closeables.get(i).close();
      } catch (Exception e) {
        System.err.println("[e2e] closing " + closeables.get(i) + ": " + e);
      }
    }
    closeables.clear();
  }
}
