package io.jvcstreaming.dashboard;

import io.jvcstreaming.dashboard.PrometheusText.Sample;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;

/**
 * Turns successive scrapes of the scraper's counters into the rates people read at a glance. Counters
 * only ever grow, so a rate is the difference between two scrapes over the time between them; a counter
 * that went down means the scraper restarted, and that interval gives no rate rather than a negative one.
 */
final class HealthTracker {

  private double lastPosts = Double.NaN;
  private double lastPages = Double.NaN;
  private long lastAtMillis;
  private JsonObject scraper = new JsonObject().put("up", false);

  /** Records a successful scrape taken at {@code nowMillis}. */
  public void update(List<Sample> samples, long nowMillis) {
    double posts = PrometheusText.sum(samples, "jvc_posts_streamed_total");
    double pages = PrometheusText.sum(samples, "jvc_pages_fetched_total", Map.of("outcome", "ok"));
    double pagesAll = PrometheusText.sum(samples, "jvc_pages_fetched_total");
    double parseErrors = PrometheusText.sum(samples, "jvc_parse_errors_total");
    double retries = PrometheusText.sum(samples, "jvc_fetch_retries_total");
    double seconds = (nowMillis - lastAtMillis) / 1000.0;
    JsonObject next = new JsonObject().put("up", true).put("checkedAt", nowMillis);
    if (lastAtMillis > 0 && seconds > 0) {
      putRate(next, "postsPerMin", posts, lastPosts, seconds / 60.0);
      putRate(next, "pagesPerSec", pages, lastPages, seconds);
    }
    putNumber(next, "postsTotal", posts);
    putNumber(next, "parseErrors", parseErrors);
    putNumber(next, "fetchFailures", Double.isNaN(pagesAll) || Double.isNaN(pages) ? Double.NaN : pagesAll - pages);
    putNumber(next, "retries", retries);
    putNumber(next, "streamClients", PrometheusText.sum(samples, "jvc_stream_clients_connected"));
    putNumber(next, "queueDepth", PrometheusText.sum(samples, "jvc_fetch_queue_depth"));
    scraper = next;
    lastPosts = posts;
    lastPages = pages;
    lastAtMillis = nowMillis;
  }

  /** Records a failed scrape: the scraper is shown as down, and the next rate starts afresh. */
  public void unreachable(long nowMillis, String why) {
    scraper = new JsonObject().put("up", false).put("checkedAt", nowMillis).put("error", why);
    lastAtMillis = 0;
  }

  public JsonObject scraper() {
    return scraper.copy();
  }

  private static void putRate(JsonObject o, String field, double now, double before, double per) {
    if (!Double.isNaN(now) && !Double.isNaN(before) && now >= before) {
      o.put(field, Math.round((now - before) / per * 10) / 10.0);
    }
  }

  private static void putNumber(JsonObject o, String field, double v) {
    if (!Double.isNaN(v) && !Double.isInfinite(v)) {
      o.put(field, v == Math.rint(v) ? (Object) (long) v : (Object) v);
    }
  }
}
