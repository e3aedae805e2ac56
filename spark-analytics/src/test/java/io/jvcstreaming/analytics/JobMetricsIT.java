package io.jvcstreaming.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import io.jvcstreaming.analytics.metrics.JobGauges;
import io.jvcstreaming.analytics.metrics.JobMetricsPlugin;
import io.jvcstreaming.analytics.testing.PrometheusText;
import io.jvcstreaming.analytics.testing.TestPosts;
import io.jvcstreaming.model.Post;
import io.jvcstreaming.testkit.Await;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The driver's {@code /metrics/prometheus} of a real local-mode job, scraped over HTTP: Spark's StreamingMetrics
 * and our plugin's figures agree with what the test server sent.
 */
class JobMetricsIT extends SparkITBase {

  private static final Duration WAIT = Duration.ofSeconds(60);
  static final String SPARK = "metrics_jvc_driver_jvc_all_StreamingMetrics_streaming_";
  static final String OURS = "metrics_jvc_driver_" + JobMetricsPlugin.SOURCE.replaceAll("[^a-zA-Z0-9]", "_") + "_";

  @Test
  @DisplayName("records, counted posts, state keys, reconnects and skipped replays on the driver's Prometheus endpoint")
  void driverEndpointCountsWhatWasSent() throws Exception {
    int port = freePort();
    Map<String, String> spark = new HashMap<>(TEST_SPARK);
    spark.remove("spark.ui.enabled"); // --metrics-port turns the UI on
    TestPosts posts = new TestPosts(5);
    List<Post> first = server.append(posts.next(240));
    ssc = AnalyticsMain.createOrRecover(config("--job", "all", "--pseudo", TestPosts.PSEUDOS, "--batch", "1s",
        "--wal", "false", "--metrics-port", Integer.toString(port)), spark);
    ssc.start();
    String url = "http://127.0.0.1:" + port + "/metrics/prometheus/"; // without the slash: a 302 to it

    // the counts are published inside a batch, Spark's last-completed-batch figures once it ends (-1 before)
    Map<String, Double> m = awaitScrape(url, s -> value(s, OURS + JobGauges.POSTS_COUNTED + "_Count") == 240
        && value(s, SPARK + "totalReceivedRecords_Value") == 240
        && value(s, OURS + JobGauges.STATE_KEYS_PREFIX + "authors_Value") == posts.authors().size()
        && value(s, SPARK + "lastCompletedBatch_processingDelay_Value") >= 0);
    assertThat(value(m, OURS + JobGauges.POSTS_COUNTED + "_Count")).as("posts counted in %s", m).isEqualTo(240);
    assertThat(value(m, SPARK + "totalReceivedRecords_Value")).as("Spark's received records").isEqualTo(240);
    assertThat(value(m, OURS + JobGauges.STATE_KEYS_PREFIX + "authors_Value")).isEqualTo(posts.authors().size());
    assertThat(value(m, OURS + JobGauges.STATE_KEYS_PREFIX + "stickers_Value")).isEqualTo(posts.stickers().size());
    assertThat(value(m, OURS + JobGauges.STATE_KEYS_PREFIX + "words_Value")).isEqualTo(posts.words().size());
    assertThat(value(m, OURS + JobGauges.STATE_KEYS_PREFIX + "topics_Value")).isEqualTo(posts.topics().size());
    assertThat(value(m, OURS + JobGauges.STATE_KEYS_PREFIX + "pseudo_Value")).as("the followed pseudos")
        .isEqualTo(posts.pseudos().size());
    assertThat(value(m, OURS + JobGauges.BATCH_INTERVAL_MS + "_Value")).isEqualTo(1000);
    assertThat(value(m, OURS + JobGauges.RECEIVERS_ACTIVE + "_Value")).isEqualTo(1);
    assertThat(value(m, OURS + JobGauges.RECEIVER_LAST_SEQ + "_Value")).isEqualTo(first.get(239).seq());
    assertThat(value(m, OURS + JobGauges.POSTS_DROPPED_DUPLICATES + "_Count")).isZero();
    // every batch took its ids from the blocks' metadata, none read them from its posts
    assertThat(value(m, OURS + JobGauges.BATCHES_IDS_READ_FROM_POSTS + "_Count")).isZero();
    assertThat(value(m, SPARK + "lastCompletedBatch_processingDelay_Value")).isGreaterThanOrEqualTo(0);
    assertThat(value(m, SPARK + "lastCompletedBatch_schedulingDelay_Value")).isGreaterThanOrEqualTo(0);
    assertThat(m).containsKey(SPARK + "lastReceivedBatch_records_Value");
    double reconnectsBefore = value(m, OURS + JobGauges.RECEIVER_RECONNECTS + "_Count");

    // the server drops the connection and, on the resume, sends the last 30 posts again: skipped by the receiver
    server.overlap(30);
    server.dropClients(new byte[0]);
    List<Post> second = server.append(posts.next(60));
    m = awaitScrape(url, s -> value(s, OURS + JobGauges.POSTS_COUNTED + "_Count") == 300
        && value(s, OURS + JobGauges.RECEIVER_RECONNECTS + "_Count") > reconnectsBefore
        && value(s, OURS + JobGauges.RECEIVERS_CONNECTED + "_Value") == 1
        && value(s, OURS + JobGauges.POSTS_DROPPED_DUPLICATES + "_Count") >= 30);
    assertThat(value(m, OURS + JobGauges.RECEIVER_RECONNECTS + "_Count")).isGreaterThan(reconnectsBefore);
    assertThat(value(m, OURS + JobGauges.POSTS_COUNTED + "_Count")).isEqualTo(300);
    assertThat(value(m, OURS + JobGauges.RECEIVERS_CONNECTED + "_Value")).isEqualTo(1);
    assertThat(value(m, OURS + JobGauges.RECEIVER_LAST_SEQ + "_Value")).isEqualTo(second.get(59).seq());

    // the same posts under new seqs: the topics' high-water marks drop them all, none is counted
    double droppedBefore = value(m, OURS + JobGauges.POSTS_DROPPED_DUPLICATES + "_Count");
    server.append(second);
    m = awaitScrape(url, s -> value(s, OURS + JobGauges.POSTS_DROPPED_DUPLICATES + "_Count") == droppedBefore + 60);
    assertThat(value(m, OURS + JobGauges.POSTS_DROPPED_DUPLICATES + "_Count")).isEqualTo(droppedBefore + 60);
    assertThat(value(m, OURS + JobGauges.POSTS_COUNTED + "_Count")).isEqualTo(300);
    assertThat(value(m, OURS + JobGauges.STATE_KEYS_PREFIX + "authors_Value")).isEqualTo(posts.authors().size());
  }

  private static Map<String, Double> awaitScrape(String url, Predicate<Map<String, Double>> ready) {
    Map<String, Double>[] last = new Map[] {Map.of()};
    Await.until(WAIT, "the driver's metrics meet the expected state", () -> ready.test(last[0] = PrometheusText.scrape(url)));
    return last[0];
  }

  private static double value(Map<String, Double> scrape, String name) {
    return scrape.getOrDefault(name, -1.0);
  }

  private static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
