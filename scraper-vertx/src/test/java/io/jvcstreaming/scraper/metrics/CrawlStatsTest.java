package io.jvcstreaming.scraper.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CrawlStatsTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "nothing fetched | 0       | ''                       | 0 | 0   | 0 | 0 | 0 | 0     | "
          + "crawl stats: duration=0.000s pages=0 no_answer=0 posts_streamed=0 retries=0 challenges=0 parse_errors=0 bytes_received=0",
      "statuses sorted | 83412   | 503=4 200=10 304=2 410=1 | 1 | 120 | 5 | 1 | 2 | 98765 | "
          + "crawl stats: duration=83.412s pages=18 status_200=10 status_304=2 status_410=1 status_503=4 no_answer=1 "
          + "posts_streamed=120 retries=5 challenges=1 parse_errors=2 bytes_received=98765",
      "long run        | 7200001 | 200=3000000000           | 0 | 7   | 0 | 0 | 0 | 1     | "
          + "crawl stats: duration=7200.001s pages=3000000000 status_200=3000000000 no_answer=0 posts_streamed=7 "
          + "retries=0 challenges=0 parse_errors=0 bytes_received=1",
  })
  void formatsOneScrapyLikeLine(String what, long millis, String statuses, long noAnswer, long posts, long retries,
      long challenges, long parseErrors, long bytes, String line) {
    SortedMap<Integer, Long> byStatus = new TreeMap<>();
    for (String kv : statuses.isBlank() ? new String[0] : statuses.split(" ")) {
      String[] p = kv.split("=");
      byStatus.put(Integer.parseInt(p[0]), Long.parseLong(p[1]));
    }
    CrawlStats stats = new CrawlStats(Duration.ofMillis(millis), byStatus, noAnswer, posts, retries, challenges,
        parseErrors, bytes);
    assertThat(stats.line()).isEqualTo(line);
  }

  @Test
  void readsEveryFieldFromTheMetrics() {
    ScraperMetrics metrics = new ScraperMetrics();
    metrics.response(200, 1000);
    metrics.response(200, 500);
    metrics.response(503, 20);
    metrics.response(403, 7);
    metrics.noAnswer();
    metrics.page("ok");
    metrics.page("challenge");
    metrics.page("challenge");
    metrics.retry("503");
    metrics.retry("challenge");
    metrics.retry("cut-page");
    metrics.parseError("truncated html");
    metrics.parseError("list: no rows");
    metrics.postsStreamed(42);

    assertThat(CrawlStats.of(metrics, Duration.ofSeconds(3)).line()).isEqualTo("crawl stats: duration=3.000s pages=5 "
        + "status_200=2 status_403=1 status_503=1 no_answer=1 posts_streamed=42 retries=3 challenges=2 parse_errors=2 "
        + "bytes_received=1527");
    assertThat(metrics.render(true, true)).contains("jvc_http_responses_total{status=\"200\"} 2\n",
        "jvc_http_responses_total{status=\"503\"} 1\n", "jvc_fetch_no_answer_total 1\n",
        "jvc_fetch_bytes_received_total 1527\n");
  }
}
