package io.jvcstreaming.scraper.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.jvcstreaming.scraper.metrics.CrawlStats;
import io.jvcstreaming.simulator.Faults;
import io.jvcstreaming.simulator.ForumSimulator;
import io.jvcstreaming.simulator.SimulatorConfig;
import io.jvcstreaming.testkit.Await;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A real scraper process (the {@code bin/jvc-scraper} launcher, and plain {@code java -jar}) crawls the simulator
 * through 503s, 429s, challenges and cut pages; once it has streamed every post, SIGTERM: its last words are one
 * {@code crawl stats:} line whose every number equals what its {@code /metrics} said just before.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class CrawlStatsOnExitIT {

  private static final Duration WAIT = Duration.ofSeconds(150);
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private static final Pattern SERIES = Pattern.compile("^(\\w+)(?:\\{\\w+=\"([^\"]*)\"})? (\\d+)$");

  private ForumSimulator simulator;
  private Process process;
  private Thread stderrPump;

  @AfterEach
  void tearDown() throws Exception {
    if (process != null && process.isAlive()) {
      process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
    if (simulator != null) {
      simulator.close();
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"launcher", "java -jar"})
  void sigtermLogsOneSummaryLineEqualToTheLastMetrics(String how) throws Exception {
    simulator = ForumSimulator.start(SimulatorConfig.defaults().withSeed(14).withTopics(40).withLiveRate(0)
        .withPort(0).withMaxPostsPerTopic(90)
        // rates high enough that each kind the test asserts happens in a crawl of ~100 pages (0.9^100: a crawl
        // without a 503 once in 40 000; at 5 % about one crawl in 170 had none, and a CI run makes two)
        .withFaults(Faults.NONE.withError503(0.10).withTooMany(0.02).withChallenge(0.08)));
    int httpPort;
    try (ServerSocket s = new ServerSocket(0)) {
      httpPort = s.getLocalPort();
    }
    List<String> stderr = new CopyOnWriteArrayList<>();
    process = start(how, httpPort, stderr);

    // one list round only (10 min interval), so that once every post is streamed the scraper has nothing left to do;
    // cut pages only after that round (a cut list page would hide its topics until the next one), while the topic
    // pages are still being read (--rate 20: a hundred of them take seconds)
    await("the first list round", stderr, () -> metric(httpPort, "jvc_list_refreshes_total") >= 1);
    // 12 % of the pages cut short until the end: each is read again at once, so every topic gets streamed (before
    // pages were read again, a topic of many pages failed attempt after attempt while its backoff grew to a minute)
    simulator.setFaults(simulator.faults().withMalformed(0.12));
    long published = simulator.truth().stream().filter(t -> !t.deleted()).count();
    await(published + " posts streamed", stderr, () -> metric(httpPort, "jvc_posts_streamed_total") == published
        && metric(httpPort, "jvc_fetch_in_flight") == 0 && metric(httpPort, "jvc_fetch_queue_depth") == 0);
    Map<String, Long> before = scrape(httpPort);

    process.toHandle().destroy(); // SIGTERM (Process.destroy would also close our end of its stderr)
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("exited after SIGTERM").isTrue();
    stderrPump.join(TimeUnit.SECONDS.toMillis(30)); // every line the process wrote, up to its end of stream
    List<String> lines = stderr.stream().filter(l -> l.contains(CrawlStats.PREFIX)).toList();
    assertThat(lines).as("stderr:%n%s", String.join("\n", stderr)).hasSize(1);
    System.out.println(how + ": " + lines.get(0));
    Map<String, String> stats = fields(lines.get(0));

    Map<String, Long> expected = new TreeMap<>();
    long pages = before.getOrDefault("jvc_fetch_no_answer_total", 0L);
    for (Map.Entry<String, Long> e : before.entrySet()) {
      if (e.getKey().startsWith("jvc_http_responses_total/")) {
        expected.put("status_" + e.getKey().substring(e.getKey().indexOf('/') + 1), e.getValue());
        pages += e.getValue();
      }
    }
    expected.put("pages", pages);
    expected.put("no_answer", before.getOrDefault("jvc_fetch_no_answer_total", 0L));
    expected.put("posts_streamed", before.get("jvc_posts_streamed_total"));
    expected.put("retries", before.entrySet().stream().filter(e -> e.getKey().startsWith("jvc_fetch_retries_total/"))
        .mapToLong(Map.Entry::getValue).sum());
    expected.put("challenges", before.getOrDefault("jvc_pages_fetched_total/challenge", 0L));
    expected.put("parse_errors", before.entrySet().stream().filter(e -> e.getKey().startsWith("jvc_parse_errors_total/"))
        .mapToLong(Map.Entry::getValue).sum());
    expected.put("bytes_received", before.get("jvc_fetch_bytes_received_total"));
    Map<String, Long> got = new TreeMap<>();
    stats.forEach((k, v) -> {
      if (!k.equals("duration")) {
        got.put(k, Long.parseLong(v));
      }
    });
    assertThat(got).isEqualTo(expected);

    // numbers that could have been wrong: the faults made every kind happen
    assertThat(got.get("posts_streamed")).isEqualTo(published);
    assertThat(got.get("status_200")).isPositive();
    assertThat(got.get("retries")).isPositive();
    assertThat(before.get("jvc_fetch_retries_total/503")).as("retries of 503s").isPositive();
    assertThat(before.get("jvc_fetch_retries_total/challenge")).as("retries of challenges").isPositive();
    assertThat(before.get("jvc_fetch_retries_total/cut-page")).as("pages read again, cut short").isPositive();
    assertThat(before.get("jvc_challenge_backoffs_total")).as("challenge backoffs").isPositive();
    assertThat(got.get("challenges")).isPositive();
    assertThat(got.get("parse_errors")).isPositive();
    assertThat(got.get("bytes_received")).isGreaterThan(got.get("status_200") * 1000);
    assertThat(stats.get("duration")).matches("\\d+\\.\\d{3}s");
    assertThat(Double.parseDouble(stats.get("duration").replace("s", ""))).isPositive();
  }

  private Process start(String how, int httpPort, List<String> stderr) throws Exception {
    Path jar = Path.of("target", "scraper-vertx.jar").toAbsolutePath();
    assertThat(jar).as("the scraper jar (built by package, before the ITs)").exists();
    List<String> cmd = new ArrayList<>();
    if (how.equals("launcher")) {
      cmd.add(Path.of("bin", "jvc-scraper").toAbsolutePath().toString());
    } else {
      cmd.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx128m", "-jar",
          jar.toString()));
    }
    cmd.addAll(List.of("--forum-url", simulator.listUrl(), "--store", "memory",
        "--stream-host", "127.0.0.1", "--stream-port", "0", "--http-host", "127.0.0.1",
        "--http-port", Integer.toString(httpPort), "--refresh-interval", "10m", "--list-pages", "3",
        "--backfill-pages", "all", "--rate", "20", "--backoff-base", "50ms", "--backoff-max", "1s",
        "--max-retries", "8", "--request-timeout", "3s"));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD);
    pb.environment().keySet().removeIf(k -> k.equals("REDIS_URL") || k.equals("STREAM_TOKEN") || k.startsWith("JVC_"));
    pb.environment().put("JVC_SCRAPER_JAR", jar.toString());
    pb.environment().put("JVC_CDS_ARCHIVE", "off"); // no class-data archive written into target/ by the test
    Process p = pb.start();
    Thread pump = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = in.readLine()) != null) {
          stderr.add(line);
        }
      } catch (java.io.IOException e) {
        stderr.add("(stderr closed: " + e + ")");
      }
    }, "scraper-stderr");
    pump.setDaemon(true);
    pump.start();
    stderrPump = pump;
    return p;
  }

  private static Map<String, String> fields(String line) {
    Map<String, String> out = new TreeMap<>();
    for (String token : line.substring(line.indexOf(CrawlStats.PREFIX) + CrawlStats.PREFIX.length()).trim()
        .split(" ")) {
      int eq = token.indexOf('=');
      out.put(token.substring(0, eq), token.substring(eq + 1));
    }
    return out;
  }

  /** Every counter and gauge of /metrics: {@code name} or {@code name/label}. */
  private static Map<String, Long> scrape(int port) throws Exception {
    Map<String, Long> out = new TreeMap<>();
    for (String line : get(port, "/metrics").split("\n")) {
      Matcher m = SERIES.matcher(line);
      if (m.matches()) {
        out.put(m.group(2) == null ? m.group(1) : m.group(1) + "/" + m.group(2), Long.parseLong(m.group(3)));
      }
    }
    return out;
  }

  private static long metric(int port, String name) {
    try {
      return scrape(port).getOrDefault(name, -1L);
    } catch (Exception e) {
      return -1; // not up yet
    }
  }

  private static String get(int port, String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()).body();
  }

  private void await(String what, List<String> stderr, java.util.function.BooleanSupplier condition)
      throws InterruptedException {
    Await.until(WAIT, what, () -> {
      if (!process.isAlive()) {
        throw new AssertionError("the scraper exited early:\n" + String.join("\n", stderr));
      }
      return condition.getAsBoolean();
    }, () -> String.join("\n", stderr.subList(Math.max(0, stderr.size() - 40), stderr.size())));
  }
}
