package io.jvcstreaming.scraper.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ScraperMetricsTest {

  @Test
  void retriesAreRenderedByKindWithTheKnownKindsFromTheStart() {
    ScraperMetrics metrics = new ScraperMetrics();
    assertThat(metrics.render(true, true)).contains("jvc_fetch_retries_total{kind=\"503\"} 0\n",
        "jvc_fetch_retries_total{kind=\"cut-page\"} 0\n", "jvc_fetch_retries_total{kind=\"challenge\"} 0\n");
    metrics.retry("503");
    metrics.retry("503");
    metrics.retry("timeout");
    metrics.retry("cut-page");
    String text = metrics.render(true, true);
    assertThat(text).contains("jvc_fetch_retries_total{kind=\"503\"} 2\n", "jvc_fetch_retries_total{kind=\"timeout\"} 1\n",
        "jvc_fetch_retries_total{kind=\"cut-page\"} 1\n", "jvc_fetch_retries_total{kind=\"429\"} 0\n");
    assertThat(text).doesNotContain("jvc_fetch_retries_total 4");
    assertThat(metrics.retries()).isEqualTo(4);
    assertThat(metrics.retries("503")).isEqualTo(2);
  }

  @Test
  void challengeBackoffsCountBackoffsAndSeconds() {
    ScraperMetrics metrics = new ScraperMetrics();
    assertThat(metrics.render(true, true)).contains("jvc_challenge_backoffs_total 0\n",
        "jvc_challenge_backoff_seconds_total 0.000\n");
    metrics.challengeBackoff(1_500);
    metrics.challengeBackoff(250);
    assertThat(metrics.render(true, true)).contains("jvc_challenge_backoffs_total 2\n",
        "jvc_challenge_backoff_seconds_total 1.750\n");
  }

  @Test
  void eachStreamClientHasItsLagSeriesWhileConnected() {
    ScraperMetrics metrics = new ScraperMetrics();
    Map<String, Long> lags = new java.util.HashMap<>(Map.of("10.0.0.7:4242", 12L, "10.0.0.8:5151", 0L));
    metrics.clientLagGauge(() -> Map.copyOf(lags));
    assertThat(metrics.render(true, true)).contains("# TYPE jvc_stream_client_lag_posts gauge\n"
        + "jvc_stream_client_lag_posts{client=\"10.0.0.7:4242\"} 12\n"
        + "jvc_stream_client_lag_posts{client=\"10.0.0.8:5151\"} 0\n");
    lags.remove("10.0.0.7:4242");
    assertThat(metrics.render(true, true)).doesNotContain("10.0.0.7:4242").contains("10.0.0.8:5151");
  }
}
