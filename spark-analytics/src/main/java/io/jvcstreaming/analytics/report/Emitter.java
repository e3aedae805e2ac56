package io.jvcstreaming.analytics.report;

import io.jvcstreaming.analytics.config.JobConfig;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prints each {@link BatchReport} on stdout (a table, or one JSON line with {@code --emit json}) and, when a
 * publish URL is set, POSTs the JSON object there (one POST per report, {@code application/json}, 2 s timeout, sent
 * asynchronously, at most 64 in flight), with {@code Authorization: Bearer <JVC_RESULTS_TOKEN>} when that variable is
 * set (the dashboard requires it whenever it listens beyond loopback; read at every start, never logged). A failed POST is logged and counted, never fails the batch. Runs on the driver only.
 * Not Serializable on purpose: one is made at every start from the flags ({@link RunSettings}), never restored
 * from a checkpoint.
 */
public final class Emitter {

  private static final Logger LOG = LoggerFactory.getLogger(Emitter.class);
  private static final Duration TIMEOUT = Duration.ofSeconds(2);
  private static final AtomicLong PUBLISH_FAILURES = new AtomicLong();
  private static final AtomicLong PUBLISHED = new AtomicLong();
  private static final AtomicLong IN_FLIGHT = new AtomicLong();
  private static final int MAX_IN_FLIGHT = 64;

  private final JobConfig.Emit mode;
  private final URI publishUrl;
  private final String resultsToken;
  private volatile HttpClient client;
  private volatile PrintStream out;

  public Emitter(JobConfig.Emit mode, URI publishUrl) {
    this(mode, publishUrl, System.getenv("JVC_RESULTS_TOKEN"));
  }

  /** {@code resultsToken}: sent as a bearer token with every POST; null or blank sends none. */
  public Emitter(JobConfig.Emit mode, URI publishUrl, String resultsToken) {
    this.mode = mode;
    this.publishUrl = publishUrl;
    this.resultsToken = resultsToken == null || resultsToken.isBlank() ? null : resultsToken.strip();
  }

  /** Prints (and publishes) one report; {@code previousRanks} feeds the table's Δ column. */
  public void emit(BatchReport report, Map<String, Integer> previousRanks) {
    String json = mode == JobConfig.Emit.JSON || publishUrl != null ? JsonFormatter.format(report) : null;
    PrintStream stdout = out != null ? out : System.out;
    if (mode == JobConfig.Emit.JSON) {
      stdout.println(json);
    } else {
      stdout.print(TableFormatter.format(report, previousRanks));
    }
    stdout.flush();
    if (publishUrl != null) {
      publish(json, report.job());
    }
  }

  /** For tests: print somewhere else than System.out. */
  void printTo(PrintStream stream) {
    this.out = stream;
  }

  private void publish(String json, String job) {
    HttpClient c = client;
    if (c == null) {
      c = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
      client = c;
    }
    HttpRequest.Builder builder = HttpRequest.newBuilder(publishUrl).timeout(TIMEOUT)
        .header("Content-Type", "application/json");
    if (resultsToken != null) {
      builder.header("Authorization", "Bearer " + resultsToken);
    }
    HttpRequest request = builder.POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build();
    if (IN_FLIGHT.incrementAndGet() > MAX_IN_FLIGHT) {
      IN_FLIGHT.decrementAndGet();
      failed(job, MAX_IN_FLIGHT + " POSTs already in flight, report dropped");
      return;
    }
    // Asynchronous: a slow or hung dashboard never delays the batch (each POST times out after 2 s).
    c.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
      IN_FLIGHT.decrementAndGet();
      if (error != null) {
        failed(job, error.toString());
      } else if (response.statusCode() / 100 != 2) {
        failed(job, "HTTP " + response.statusCode());
      } else {
        PUBLISHED.incrementAndGet();
      }
    });
  }

  private void failed(String job, String why) {
    long n = PUBLISH_FAILURES.incrementAndGet();
    if (n <= 10 || n % 100 == 0) {
      LOG.warn("publishing the {} report to {} failed ({}); {} failure(s) so far", job, publishUrl, why, n);
    }
  }

  /** POSTs that failed since the JVM started. */
  public static long publishFailures() {
    return PUBLISH_FAILURES.get();
  }

  /** POSTs that succeeded since the JVM started. */
  public static long published() {
    return PUBLISHED.get();
  }
}
