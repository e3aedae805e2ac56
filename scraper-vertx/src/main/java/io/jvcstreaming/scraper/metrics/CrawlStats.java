package io.jvcstreaming.scraper.metrics;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The one summary line a scraper logs when it ends, the way Scrapy prints its stats: how long it ran, the forum's
 * answers by HTTP status, posts streamed, retries, challenges, parse errors, bytes received. Every number is a
 * {@link ScraperMetrics} counter, so the line and the last {@code /metrics} scrape agree.
 *
 * @param responsesByStatus HTTP answers by status (every attempt, retries included)
 * @param noAnswer          requests without an answer (connection, timeout, body over the cap)
 * @param challenges        answers that were a challenge page
 */
public record CrawlStats(Duration duration, SortedMap<Integer, Long> responsesByStatus, long noAnswer,
                         long postsStreamed, long retries, long challenges, long parseErrors, long bytesReceived) {

  /** The prefix of the line, to find it in a log. */
  public static final String PREFIX = "crawl stats:";

  public CrawlStats {
    responsesByStatus = new TreeMap<>(responsesByStatus);
  }

  /** The counters now, after {@code duration} of running. */
  public static CrawlStats of(ScraperMetrics metrics, Duration duration) {
    return new CrawlStats(duration, metrics.responsesByStatus(), metrics.noAnswers(), metrics.postsStreamed(),
        metrics.retries(), metrics.pages("challenge"), metrics.parseErrors(), metrics.bytesReceived());
  }

  /**
   * {@code crawl stats: duration=12.345s pages=14 status_200=10 status_503=4 no_answer=0 posts_streamed=120
   * retries=4 challenges=0 parse_errors=0 bytes_received=123456}: key=value, statuses ascending, only those seen.
   */
  public String line() {
    long pages = noAnswer;
    for (long n : responsesByStatus.values()) {
      pages += n;
    }
    StringBuilder sb = new StringBuilder(200).append(PREFIX)
        .append(" duration=").append(String.format(Locale.ROOT, "%.3fs", duration.toNanos() / 1e9))
        .append(" pages=").append(pages);
    for (Map.Entry<Integer, Long> e : responsesByStatus.entrySet()) {
      sb.append(" status_").append(e.getKey()).append('=').append(e.getValue());
    }
    return sb.append(" no_answer=").append(noAnswer)
        .append(" posts_streamed=").append(postsStreamed)
        .append(" retries=").append(retries)
        .append(" challenges=").append(challenges)
        .append(" parse_errors=").append(parseErrors)
        .append(" bytes_received=").append(bytesReceived)
        .toString();
  }
}
