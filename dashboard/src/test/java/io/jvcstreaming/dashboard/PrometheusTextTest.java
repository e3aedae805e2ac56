package io.jvcstreaming.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.jvcstreaming.dashboard.PrometheusText.Sample;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrometheusTextTest {

  private static String metrics(long posts, long pagesOk, long pagesFailed, long parseErrors) {
    return "# HELP jvc_posts_streamed_total Posts written to the stream.\n"
        + "# TYPE jvc_posts_streamed_total counter\n"
        + "jvc_posts_streamed_total " + posts + "\n"
        + "jvc_pages_fetched_total{outcome=\"ok\"} " + pagesOk + "\n"
        + "jvc_pages_fetched_total{outcome=\"http_error\"} " + pagesFailed + "\n"
        + "jvc_parse_errors_total{reason=\"no-author\"} " + parseErrors + "\n"
        + "jvc_parse_errors_total{reason=\"weird \\\"quoted\\\", value\"} 1\n"
        + "jvc_fetch_retries_total 7\n"
        + "jvc_stream_clients_connected 3\n"
        + "jvc_fetch_queue_depth 12\n"
        + "jvc_fetch_latency_seconds_bucket{le=\"+Inf\"} 40 1764100000000\n"
        + "this is { not a metric\n";
  }

  @Test
  void parsesNamesLabelsEscapesAndSpecialValues() {
    List<Sample> s = PrometheusText.parse(metrics(100, 40, 2, 4));
    assertThat(PrometheusText.sum(s, "jvc_posts_streamed_total")).isEqualTo(100.0);
    assertThat(PrometheusText.sum(s, "jvc_pages_fetched_total", Map.of("outcome", "ok"))).isEqualTo(40.0);
    assertThat(PrometheusText.sum(s, "jvc_pages_fetched_total")).isEqualTo(42.0);
    assertThat(PrometheusText.sum(s, "jvc_parse_errors_total")).isEqualTo(5.0);
    assertThat(s).anySatisfy(x -> assertThat(x.labels()).containsEntry("reason", "weird \"quoted\", value"));
    assertThat(PrometheusText.sum(s, "jvc_fetch_latency_seconds_bucket", Map.of("le", "+Inf"))).isEqualTo(40.0);
    assertThat(PrometheusText.sum(s, "absent")).isNaN();
    assertThat(PrometheusText.parseLine("x NaN").value()).isNaN();
    assertThat(PrometheusText.parseLine("x +Inf").value()).isInfinite();
    assertThat(PrometheusText.parseLine("x{a=\"1\"")).isNull();
    assertThat(PrometheusText.parseLine("x abc")).isNull();
  }

  @Test
  void ratesComeFromTwoScrapesAndResetsGiveNoRate() {
    HealthTracker h = new HealthTracker();
    h.update(PrometheusText.parse(metrics(100, 40, 2, 4)), 1_000_000);
    JsonObject first = h.scraper();
    assertThat(first.getBoolean("up")).isTrue();
    assertThat(first.containsKey("postsPerMin")).isFalse();
    assertThat(first.getLong("streamClients")).isEqualTo(3L);
    assertThat(first.getLong("queueDepth")).isEqualTo(12L);
    assertThat(first.getLong("parseErrors")).isEqualTo(5L);
    assertThat(first.getLong("fetchFailures")).isEqualTo(2L);
    assertThat(first.getLong("retries")).isEqualTo(7L);

    h.update(PrometheusText.parse(metrics(160, 60, 2, 4)), 1_010_000); // 10 s later
    JsonObject second = h.scraper();
    assertThat(second.getDouble("postsPerMin")).isEqualTo(360.0);
    assertThat(second.getDouble("pagesPerSec")).isEqualTo(2.0);

    h.update(PrometheusText.parse(metrics(5, 1, 0, 0)), 1_020_000); // scraper restarted
    assertThat(h.scraper().containsKey("postsPerMin")).isFalse();

    h.unreachable(1_030_000, "Connection refused");
    assertThat(h.scraper().getBoolean("up")).isFalse();
    assertThat(h.scraper().getString("error")).isEqualTo("Connection refused");
  }
}
