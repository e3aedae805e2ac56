package io.jvcstreaming.scraper;

import io.jvcstreaming.scraper.config.ScraperConfig;
import io.jvcstreaming.scraper.dedup.InMemoryPostLog;
import io.jvcstreaming.scraper.dedup.PostLog;
import io.jvcstreaming.scraper.dedup.RedisPostLog;
import io.jvcstreaming.scraper.http.HttpSideVerticle;
import io.jvcstreaming.scraper.http.Readiness;
import io.jvcstreaming.scraper.metrics.ScraperMetrics;
import io.jvcstreaming.scraper.source.FetchQueue;
import io.jvcstreaming.scraper.source.ForumHttpClient;
import io.jvcstreaming.scraper.source.TopicFetchVerticle;
import io.jvcstreaming.scraper.source.TopicRefreshVerticle;
import io.jvcstreaming.scraper.stream.RecentPosts;
import io.jvcstreaming.scraper.stream.StreamServerVerticle;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole scraper wired together: source → parse → dedup → stream, plus the operations port.
 * {@link #start} opens the operations port at once and, when this instance leads (always, unless leader
 * election is on), the log store, the stream server and the crawl, in that order.
 */
public final class Scraper {

  private static final Logger LOG = LoggerFactory.getLogger(Scraper.class);

  private final Vertx vertx;
  private final ScraperConfig config;
  private final ScraperMetrics metrics = new ScraperMetrics();
  private final RecentPosts recent;
  private final PostLog log;
  private final FetchQueue queue;
  private final ForumHttpClient http;
  private final StreamServerVerticle streamServer;
  private final HttpSideVerticle httpSide;
  private volatile boolean leading;

  private Scraper(Vertx vertx, ScraperConfig config) {
    this.vertx = vertx;
    this.config = config;
    this.recent = new RecentPosts(config.logCapacity());
    this.log = config.redisUrl() == null
        ? new InMemoryPostLog(recent)
        : new RedisPostLog(vertx, config.redisUrl(), recent, metrics, config.logCapacity());
    this.queue = new FetchQueue(10_000);
    this.http = new ForumHttpClient(vertx, config, metrics);
    this.streamServer = new StreamServerVerticle(config, recent, log::streamId, metrics);
    this.httpSide = new HttpSideVerticle(config.httpHost(), config.httpPort(), metrics, this::readiness);
    metrics.lastSeqGauge(recent::lastSeq);
  }

  /** Starts the operations port only; call {@link #lead()} to start scraping and streaming. */
  public static Future<Scraper> create(Vertx vertx, ScraperConfig config) {
    Scraper scraper = new Scraper(vertx, config);
    return vertx.deployVerticle(scraper.httpSide).map(id -> scraper);
  }

  /** Everything, for an instance that runs alone. */
  public static Future<Scraper> start(Vertx vertx, ScraperConfig config) {
    return create(vertx, config).compose(s -> s.lead().map(s));
  }

  /** Opens the log store, then the stream server, then the crawl (refresh + fetchers). */
  public Future<Void> lead() {
    if (!log.durable()) {
      LOG.warn("*** no --redis-url / REDIS_URL: stream log and bookmarks are IN MEMORY ONLY. A restart streams the "
          + "newest pages again and RESUME cannot reach before it. Set REDIS_URL for exactly-once across restarts. ***");
    }
    return log.start()
        .compose(v -> vertx.deployVerticle(streamServer))
        .compose(v -> vertx.deployVerticle(new TopicFetchVerticle(config, http, queue, log, metrics)))
        .compose(v -> vertx.deployVerticle(new TopicRefreshVerticle(config, http, queue, metrics)))
        .onSuccess(v -> leading = true)
        .mapEmpty();
  }

  public Readiness readiness() {
    long last = metrics.lastListFetchMillis();
    long freshness = last == 0 ? -1 : System.currentTimeMillis() - last;
    long maxStaleness = Math.max(30_000, config.refreshInterval().toMillis() * 10);
    String degraded = !leading ? "not leading"
        : !log.healthy() ? "redis unreachable: crawl paused, bookmarks held, stream serves what it holds"
        : !log.durable() ? "in-memory log by design (no REDIS_URL)"
        : freshness < 0 || freshness > maxStaleness ? "no list page read for " + freshness + " ms"
        : null;
    return new Readiness(leading, log.healthy(), degraded, freshness, maxStaleness);
  }

  public ScraperMetrics metrics() {
    return metrics;
  }

  public RecentPosts recentPosts() {
    return recent;
  }

  public int streamPort() {
    return streamServer.actualPort();
  }

  public int httpPort() {
    return httpSide.actualPort();
  }

  public Future<Void> stop() {
    leading = false;
    return log.close();
  }
}
