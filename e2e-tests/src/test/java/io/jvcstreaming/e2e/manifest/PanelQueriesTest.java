package io.jvcstreaming.e2e.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import io.jvcstreaming.e2e.manifest.PanelQueries.Metric;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PanelQueriesTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "jvc_stream_last_seq | jvc_stream_last_seq",
      "'sum(rate(jvc_pages_fetched_total{outcome=~\"ok|not_modified\"}[$__rate_interval]))' | jvc_pages_fetched_total",
      "sum by (outcome) (rate(jvc_pages_fetched_total{outcome!~\"ok\"}[5m])) | jvc_pages_fetched_total",
      "scalar(max(jvc_stream_last_seq)) - a_b_Value | jvc_stream_last_seq,a_b_Value",
      "histogram_quantile(0.95, sum by (le) (rate(x_bucket[5m]))) | x_bucket",
      "{__name__=~\"m_[a-z]+_Value\"} | ~m_[a-z]+_Value",
      "label_replace({__name__=~\"p_(.+)_Value\"}, \"count\", \"$1\", \"__name__\", \"p_(.+)_Value\") | ~p_(.+)_Value",
      "a / on(pod) group_left(job) b offset 5m | a,b",
      "min(jvc_redis_up) == bool 1 | jvc_redis_up",
  })
  void namesEveryMetricAndNothingElse(String expr, String expected) {
    assertThat(PanelQueries.metrics(expr)).extracting(Metric::toString)
        .containsExactlyElementsOf(List.of(expected.split(",")));
  }

  @org.junit.jupiter.api.Test
  void aRegexMatchesWholeNamesOnly() {
    Metric m = new Metric("m_[a-z]+_Value", true);
    assertThat(m.matches("m_all_Value")).isTrue();
    assertThat(m.matches("m_all_Value_x")).isFalse();
    assertThat(new Metric("a", false).matches("ab")).isFalse();
  }
}
