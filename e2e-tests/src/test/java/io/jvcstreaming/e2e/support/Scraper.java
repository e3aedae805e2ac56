package io.jvcstreaming.e2e.support;

import io.jvcstreaming.testkit.Await;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The scraper jar as its own process, on fixed loopback ports so a restarted one takes the same ones. Its working
 * directory is the scenario's log directory: with no Redis URL it runs on its default store (the durable local
 * store in {@code ./data}, as {@code run.sh} starts it), see {@link #dataDir()}.
 */
public final class Scraper implements AutoCloseable {

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final Path logDir;
  private final String forumUrl;
  private final String redisUrl;
  private final int streamPort = Env.freePort();
  private final int httpPort = Env.freePort();
  private final List<ChildProcess> runs = new ArrayList<>();
  private ChildProcess current;
  private volatile String token;

  /** {@code redisUrl} null: no store flag at all, the scraper's default store (see the class comment). */
  public Scraper(Path logDir, String forumUrl, String redisUrl) {
    this.logDir = logDir;
    this.forumUrl = forumUrl;
    this.redisUrl = redisUrl;
  }

  /** The stream token of the next start (env {@code STREAM_TOKEN}); null = none. */
  public void setToken(String token) {
    this.token = token;
  }

  public String token() {
    return token;
  }

  /** Where the default local store lives ({@code ./data} of the working directory). */
  public Path dataDir() {
    return logDir.resolve("data");
  }

  /** Starts a scraper process and waits (bounded) until its /ready says ready. */
  /**
   * Short for the tests (a post shows up fast); {@code -De2e.scraper.refresh=2s} gives the product's default for the
   * latency benchmark.
   */
  public static final String REFRESH = System.getProperty("e2e.scraper.refresh", "300ms");

  public synchronized ChildProcess start() {
    Path jar = Env.scraperJar();
    List<String> cmd = new ArrayList<>(List.of(Env.java(), "-Xmx512m", "-jar", jar.toString(),
        "--forum-url", forumUrl));
    if (redisUrl != null) {
      cmd.addAll(List.of("--redis-url", redisUrl));
    }
    cmd.addAll(List.of("--stream-host", "127.0.0.1", "--stream-port", Integer.toString(streamPort),
        "--http-host", "127.0.0.1", "--http-port", Integer.toString(httpPort),
        "--refresh-interval", REFRESH, "--list-pages", "3", "--backfill-pages", "all", "--rate", "300",
        "--backoff-base", "50ms", "--backoff-max", "1s", "--max-retries", "6", "--request-timeout", "3s"));
    Map<String, String> env = token == null ? Map.of() : Map.of("STREAM_TOKEN", token);
    current = ChildProcess.start("scraper-" + (runs.size() + 1), logDir, cmd, null, env);
    runs.add(current);
    ChildProcess started = current;
    Await.until(Duration.ofSeconds(60), "scraper " + started.name() + " /ready on 127.0.0.1:" + httpPort,
        () -> {
          if (!started.isAlive()) {
            throw new AssertionError("scraper process exited early; see " + started.log());
          }
          return get("/ready").contains("\"ready\":true");
        });
    return current;
  }

  public int streamPort() {
    return streamPort;
  }

  public String streamAddress() {
    return "127.0.0.1:" + streamPort;
  }

  public ChildProcess current() {
    return current;
  }

  /** SIGKILL of the running scraper (and its descendants). */
  public void kill() {
    current.kill();
  }

  /** SIGTERM of the running scraper; waits (bounded, 60 s) for its exit and returns the exit code. */
  public int terminate() {
    return current.terminateAndAwait(60_000);
  }

  /** Number of scraper processes started so far. */
  public int runs() {
    return runs.size();
  }

  /** GET on the scraper's HTTP port; "" when it does not answer. */
  public String get(String path) {
    try {
      return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
          .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.ofString()).body();
    } catch (Exception e) {
      return "";
    }
  }

  /** /metrics as metric name → value summed over its labels (e.g. every {@code reason} of parse errors). */
  public Map<String, Double> metrics() {
    Map<String, Double> m = new HashMap<>();
    for (String line : get("/metrics").split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int space = line.lastIndexOf(' ');
      String name = line.substring(0, space);
      int brace = name.indexOf('{');
      if (brace >= 0) {
        name = name.substring(0, brace);
      }
      m.merge(name, Double.parseDouble(line.substring(space + 1)), Double::sum);
    }
    return m;
  }

  public double metric(String name) {
    return metrics().getOrDefault(name, 0.0);
  }

  @Override
  public void close() {
    runs.forEach(ChildProcess::close);
  }
}
