package io.jvcstreaming.scraper;

import io.jvcstreaming.scraper.config.ScraperConfig;
import io.jvcstreaming.scraper.log.InMemoryPostLog;
import io.jvcstreaming.scraper.log.LocalPostLog;
import io.jvcstreaming.scraper.log.PostLog;
import io.jvcstreaming.scraper.log.RedisPostLog;
import io.jvcstreaming.scraper.ops.HttpSideVerticle;
import io.jvcstreaming.scraper.ops.Readiness;
import io.jvcstreaming.scraper.metrics.ScraperMetrics;
import io.jvcstreaming.scraper.source.FetchQueue;
import io.jvcstreaming.scraper.source.ForumHttpClient;
import io.jvcstreaming.scraper.source.TopicFetchVerticle;
import io.jvcstreaming.scraper.source.TopicRefreshVerticle;
import io.jvcstreaming.scraper.stream.RecentPosts;
import io.jvcstreaming.scraper.stream.StreamServerVerticle;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole scraper wired together: source → parse → log → stream, plus the operations port (ops).
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
  private final Promise<Integer> exit = Promise.promise();
  private final java.util.List<String> deployments = new java.util.concurrent.CopyOnWriteArrayList<>();
  private volatile boolean leading;

  /** The exit code of a scraper whose store lost its stream: its supervisor restarts it onto a new one. */
  public static final int STREAM_LOST_EXIT = 3;

  private Scraper(Vertx vertx, ScraperConfig config) {
    this.vertx = vertx;
    this.config = config;
    this.recent = new RecentPosts(config.logCapacity());
    this.log = switch (config.store()) {
      case REDIS -> new RedisPostLog(vertx, config.redisUrl(), recent, metrics, config.logCapacity());
      case LOCAL -> new LocalPostLog(vertx, config.dataDir(), recent, metrics, config.logCapacity());
      case MEMORY -> new InMemoryPostLog(recent, metrics, config.logCapacity());
    };
    log.onStreamLost(reason -> exit.tryComplete(STREAM_LOST_EXIT));
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
      LOG.warn("*** --store memory: stream log, seq and bookmarks are IN MEMORY ONLY. A restart streams the newest "
          + "pages again under a new stream id and RESUME cannot reach before it. Drop --store memory (the default "
          + "keeps them under --data-dir) or set REDIS_URL for exactly-once across restarts. ***");
    }
    return log.start()
        .onSuccess(v -> LOG.info("stream {}: {}", log.streamId(), switch (config.store()) {
          case REDIS -> "log, seq and bookmarks in Redis";
          case LOCAL -> "log, seq and bookmarks in the local store under "
              + config.dataDir().toAbsolutePath().normalize() + " (survives restarts, kill -9 included)";
          case MEMORY -> "log, seq and bookmarks in memory (lost on exit)";
        }))
        .compose(v -> vertx.deployVerticle(streamServer))
        .compose(id -> {
          deployments.add(id);
          return vertx.deployVerticle(new TopicFetchVerticle(config, http, queue, log, metrics));
        })
        .compose(id -> {
          deployments.add(id);
          return vertx.deployVerticle(new TopicRefreshVerticle(config, http, queue, metrics));
        })
        .onSuccess(id -> {
          deployments.add(id);
          leading = true;
        })
        .mapEmpty();
  }

  public Readiness readiness() {
    long last = metrics.lastListFetchMillis();
    long freshness = last == 0 ? -1 : System.currentTimeMillis() - last;
    long maxStaleness = Math.max(30_000, config.refreshInterval().toMillis() * 10);
    String degraded = !leading ? "not leading"
        : exit.future().isComplete() ? "the store lost the stream: exiting so the supervisor restarts onto a new one"
        : !log.healthy() ? "redis unreachable: crawl paused, bookmarks held, stream serves what it holds"
        : !log.durable() ? "in-memory log by design (--store memory)"
        : freshness < 0 || freshness > maxStaleness ? "no list page read for " + freshness + " ms"
        : null;
    return new Readiness(leading, log.healthy(), degraded, freshness, maxStaleness);
  }

  /**
   * Completes with an exit code when this scraper cannot go on and must be restarted by its supervisor
   * ({@link #STREAM_LOST_EXIT}: the store lost the stream while we ran). Never fails.
   */
  public Future<Integer> exitRequested() {
    return exit.future();
  }

  public ScraperMetrics metrics() {
    return metrics;
  }

  /** The log's stream id (valid once leading). */
  public String streamId() {
    return log.streamId();
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

  /** Stops the crawl, then the stream server, then closes the log (no append is then under way or to come). */
  public Future<Void> stop() {
    leading = false;
    Future<Void> undeployed = Future.succeededFuture();
    for (int i = deployments.size() - 1; i >= 0; i--) {
      String id = deployments.get(i);
      undeployed = undeployed.eventually(() -> vertx.undeploy(id));
    }
    deployments.clear();
    return undeployed.eventually(log::close);
  }
}
