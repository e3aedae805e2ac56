package io.jvcstreaming.e2e.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The {@code all} Spark job as its own process ({@code java -jar spark-analytics.jar --job all --emit json}), in
 * local mode, with a fixed checkpoint directory so a new driver recovers from it. Parses every JSON line of stdout.
 */
public final class SparkJob implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Fixed on every start (and by {@link Words}): words of 6+ letters, no stop words. */
  public static final int MIN_WORD_LENGTH = 6;

  private final Path logDir;
  private final Path checkpointDir;
  private volatile String source;
  private volatile String token;
  private volatile String publishUrl;
  private final List<SparkReport> reports = new CopyOnWriteArrayList<>();
  private final Map<String, SparkReport> latest = new ConcurrentHashMap<>();
  private final List<String> unparsed = new CopyOnWriteArrayList<>();
  private final List<ChildProcess> drivers = new ArrayList<>();
  private ChildProcess current;

  public SparkJob(Path logDir, String source, Path checkpointDir) {
    this.logDir = logDir;
    this.source = source;
    this.checkpointDir = checkpointDir;
  }

  public Path checkpointDir() {
    return checkpointDir;
  }

  /** The stream address of the next start ({@code --source}). */
  public void setSource(String source) {
    this.source = source;
  }

  /** The stream token of the next start (env {@code STREAM_TOKEN}, read by the receiver); null = none. */
  public void setToken(String token) {
    this.token = token;
  }

  /** {@code --publish-url} of the next start; null = none. */
  public void setPublishUrl(String publishUrl) {
    this.publishUrl = publishUrl;
  }

  /** Short for the tests; {@code -De2e.spark.batch=3s} gives the product's default for the latency benchmark. */
  public static final String BATCH = System.getProperty("e2e.spark.batch", "1s");

  /** Starts a driver (the first, or a new one recovering from the checkpoint) with the settings set now. */
  public synchronized ChildProcess start() {
    Path jar = Env.sparkJar();
    int driver = drivers.size() + 1;
    List<String> cmd = new ArrayList<>(List.of(Env.java(), "-Xmx1500m",
        "-Dspark.ui.enabled=false", "-Dspark.driver.host=127.0.0.1", "-Dspark.driver.bindAddress=127.0.0.1",
        "-Dspark.ui.showConsoleProgress=false",
        "-jar", jar.toString(), "--job", "all", "--source", source, "--batch", BATCH,
        "--checkpoint-dir", checkpointDir.toString(), "--emit", "json", "--top", "100000",
        "--min-word-length", Integer.toString(MIN_WORD_LENGTH), "--stop-words", "none"));
    if (publishUrl != null) {
      cmd.addAll(List.of("--publish-url", publishUrl));
    }
    Map<String, String> env = token == null ? Map.of() : Map.of("STREAM_TOKEN", token);
    current = ChildProcess.start("spark-" + driver, logDir, cmd, line -> onLine(line, driver), env);
    drivers.add(current);
    return current;
  }

  private void onLine(String line, int driver) {
    long now = System.currentTimeMillis();
    if (!line.startsWith("{")) {
      return;
    }
    try {
      JsonNode n = JSON.readTree(line);
      Map<String, Long> counts = new LinkedHashMap<>();
      for (JsonNode row : n.path("top")) {
        Long previous = counts.put(row.get("key").asText(), row.get("count").asLong());
        if (previous != null) {
          unparsed.add("duplicate key " + row.get("key").asText() + " in: " + abbreviate(line));
        }
      }
      SparkReport r = new SparkReport(n.get("job").asText(), n.get("batchTime").asLong(), n.get("posts").asLong(),
          n.get("totalPosts").asLong(), counts, now, driver);
      reports.add(r);
      latest.put(r.job(), r);
    } catch (Exception e) {
      unparsed.add(e + ": " + abbreviate(line));
    }
  }

  private static String abbreviate(String s) {
    return s.length() > 300 ? s.substring(0, 300) + "…" : s;
  }

  public ChildProcess current() {
    return current;
  }

  /** The last report of {@code job} printed by any driver (a restarted driver continues the counts). */
  public SparkReport latest(String job) {
    return latest.get(job);
  }

  public List<SparkReport> reports() {
    return List.copyOf(reports);
  }

  public List<String> unparsed() {
    return List.copyOf(unparsed);
  }

  /** SIGKILL of the current driver (and its descendants). */
  public void kill() {
    current.kill();
  }

  /** SIGTERM of the current driver; waits (bounded, 60 s: a graceful stop) for its exit, returns the exit code. */
  public int terminate() {
    return current.terminateAndAwait(60_000);
  }

  /** Number of drivers started so far (the current one's number). */
  public int drivers() {
    return drivers.size();
  }

  /** The reports of one job printed by driver {@code driver}, in order. */
  public List<SparkReport> reports(int driver, String job) {
    return reports.stream().filter(r -> r.driver() == driver && r.job().equals(job)).toList();
  }

  @Override
  public void close() {
    drivers.forEach(ChildProcess::close);
  }
}
