package io.jvcstreaming.e2e.support;

import io.jvcstreaming.model.Post;
import io.jvcstreaming.simulator.Faults;
import io.jvcstreaming.simulator.ForumSimulator;
import io.jvcstreaming.simulator.SimulatorConfig;
import io.jvcstreaming.simulator.TruthPost;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * One scenario's processes: the simulator (in this JVM, live), a real Redis, the scraper jar, the test's stream
 * client and the {@code all} Spark job jar, plus the checks every scenario ends with. Closing kills everything.
 */
public final class Stack implements AutoCloseable {

  /** The counts compared with the stream (the other jobs are not derived from exact per-post keys here). */
  public static final List<String> COUNTED_JOBS = List.of("authors", "stickers", "topics");

  private final Path logDir;
  private final List<AutoCloseable> closeables = new ArrayList<>();
  private ForumSimulator simulator;
  private Redis redis;
  private Scraper scraper;
  private StreamClient client;
  private SparkJob spark;

  public Stack(Path logDir) {
    this.logDir = logDir;
    try {
      if (Files.exists(logDir)) {
        try (Stream<Path> s = Files.walk(logDir)) {
          s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
      Files.createDirectories(logDir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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

  public Redis startRedis() {
    redis = new Redis(logDir.resolve("redis-data"));
    closeables.add(redis);
    return redis;
  }

  public Scraper startScraper() {
    scraper = new Scraper(logDir, simulator.listUrl(), redis.url());
    closeables.add(scraper);
    scraper.start();
    return scraper;
  }

  public StreamClient startClient() {
    client = new StreamClient(scraper.streamPort());
    closeables.add(client);
    return client;
  }

  /** Starts the Spark job reading {@code source} and waits until it has counted posts. */
  public SparkJob startSpark(String source) {
    spark = new SparkJob(logDir, source, logDir.resolve("spark-checkpoint"));
    closeables.add(spark);
    spark.start();
    awaitDriverCounting(1);
    return spark;
  }

  /** Waits (bounded) until driver number {@code driver} has printed an authors report with posts in it. */
  public void awaitDriverCounting(int driver) {
    ChildProcess p = spark.current();
    Await.until(Duration.ofSeconds(150), "Spark driver " + driver + " printing a non-empty authors report", () -> {
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

  public Redis redis() {
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
   *   <li>the test client got every visible post published before the cutoff, and its whole stream is exact
   *       (no duplicate, continuous seqs, nothing invented, fields as published);</li>
   *   <li>every authors/stickers/topics report any Spark driver printed equals the counts of the first
   *       {@code totalPosts} posts of that stream (nothing lost, nothing counted twice, at any batch), and the last
   *       ones cover every post up to the cutoff.</li>
   * </ol>
   * Returns the cutoff.
   */
  public long verify(Duration catchUp) {
    long cutoff = System.currentTimeMillis();
    awaitStreamCaughtUp(cutoff, catchUp);
    List<Post> streamed = client.posts();
    Truth.assertExactlyOnceAndFaithful(streamed, simulator.truth());
    if (!client.malformed().isEmpty()) {
      throw new AssertionError("the test client read malformed post lines: " + client.malformed());
    }
    Set<Long> must = Truth.mustArrive(simulator.truth(), cutoff);
    int required = 0;
    for (int i = 0; i < streamed.size(); i++) {
      if (must.contains(streamed.get(i).id())) {
        required = i + 1;
      }
    }
    awaitSparkCovers(required, catchUp);
    int reports = checkEverySparkReport();
    System.out.printf("[e2e] %s verified: %d posts streamed exactly once, %d visible posts published before the cutoff"
        + " all among them; %d Spark reports (authors/stickers/topics, %d driver(s)) equal to the stream prefix they"
        + " cover; last authors report: %d posts%n", logDir.getFileName(), streamed.size(), must.size(), reports,
        spark.latest("authors").driver(), spark.latest("authors").totalPosts());
    return cutoff;
  }

  private void awaitStreamCaughtUp(long cutoff, Duration catchUp) {
    Await.until(catchUp, "the stream client receiving every visible post published before the cutoff",
        () -> Truth.ids(client.posts()).containsAll(Truth.mustArrive(simulator.truth(), cutoff)),
        () -> Truth.describeMissing(simulator.truth(), cutoff, client.posts()) + "\n  scraper metrics: "
            + scraper.metrics());
  }

  private void awaitSparkCovers(int required, Duration catchUp) {
    Await.until(catchUp, "the Spark job's authors/stickers/topics reports covering the first " + required
            + " posts of the stream (every visible post published before the cutoff)",
        () -> COUNTED_JOBS.stream().allMatch(job -> {
          SparkReport r = spark.latest(job);
          return r != null && r.totalPosts() >= required && client.size() >= r.totalPosts();
        }),
        () -> {
          StringBuilder sb = new StringBuilder("stream client has " + client.size() + " posts;");
          for (String job : COUNTED_JOBS) {
            SparkReport r = spark.latest(job);
            sb.append(' ').append(job).append(": ").append(r == null ? "no report"
                : "totalPosts " + r.totalPosts() + " (batch " + r.batchTime() + ", driver " + r.driver() + ")");
          }
          return sb.toString();
        });
  }

  /** Every report of the counted jobs against the stream prefix of its size. */
  public int checkEverySparkReport() {
    if (!spark.unparsed().isEmpty()) {
      throw new AssertionError("Spark job printed lines the test could not read: " + spark.unparsed());
    }
    List<Post> streamed = client.posts();
    Map<Long, Map<String, Map<String, Long>>> cache = new HashMap<>();
    int checked = 0;
    for (SparkReport r : spark.reports()) {
      if (!COUNTED_JOBS.contains(r.job()) || r.totalPosts() > streamed.size()) {
        continue;
      }
      Map<String, Long> expected = cache.computeIfAbsent(r.totalPosts(), n -> new HashMap<>())
          .computeIfAbsent(r.job(), job -> Truth.expectedCounts(job, streamed.subList(0, (int) r.totalPosts())));
      if (!expected.equals(r.counts())) {
        throw new AssertionError("Spark driver " + r.driver() + ", job " + r.job() + ", batch " + r.batchTime()
            + " (totalPosts " + r.totalPosts() + "): counts differ from the first " + r.totalPosts()
            + " posts of the stream (stream seqs " + streamed.get(0).seq() + ".."
            + streamed.get((int) r.totalPosts() - 1).seq() + "): " + Truth.diff(expected, r.counts()));
      }
      if (!r.job().equals("stickers") && r.sum() != r.totalPosts()) {
        throw new AssertionError("Spark driver " + r.driver() + ", job " + r.job() + ", batch " + r.batchTime()
            + ": counts sum to " + r.sum() + " but totalPosts is " + r.totalPosts());
      }
      checked++;
    }
    if (checked < 3) {
      throw new AssertionError("only " + checked + " Spark reports could be checked");
    }
    return checked;
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
