package io.jvcstreaming.dashboard;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the dashboard: reload the latest results (so a restart is not blank), then serve HTTP, follow the
 * scraper's stream and poll its metrics. Everything runs on this verticle's one event loop, which is
 * plenty for a page that changes a few times a second and spares any locking.
 */
final class DashboardVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(DashboardVerticle.class);

  private final DashboardConfig config;
  private ResultPersistence persistence;
  private EventHub hub;
  private PostFeed feed;
  private MetricsPoller poller;
  private HttpServer server;

  public DashboardVerticle(DashboardConfig config) {
    this.config = config;
  }

  /** The bound HTTP port (useful with port 0). */
  public int actualPort() {
    return server == null ? -1 : server.actualPort();
  }

  @Override
  public Future<?> start() {
    UrlPolicy urls = new UrlPolicy(config.forumOrigin(), config.pictureMirror());
    persistence = config.redisUrl() == null ? ResultPersistence.none()
        : new RedisResultPersistence(vertx, config.redisUrl(), config.redisPassword());
    ResultStore results = new ResultStore();
    HealthTracker health = new HealthTracker();
    hub = new EventHub(vertx);
    DashboardState state = new DashboardState(results, persistence, health, hub, urls);
    feed = new PostFeed(vertx, config, urls, state::post);
    state.attachFeed(feed);
    poller = new MetricsPoller(vertx, config, health, state::healthChanged);

    Future<List<?>> restored = persistence.loadAll()
        .<List<?>>map(stored -> {
          results.restore(stored);
          if (config.redisUrl() != null) {
            LOG.info("restored the latest results of {} job(s) from Redis", stored.size());
          }
          return stored;
        })
        .recover(e -> {
          // Redis down must not keep the page down: start empty, results arrive with the next batch.
          LOG.warn("cannot read the latest results from Redis ({}); starting empty", e.toString());
          return Future.succeededFuture(List.of());
        });
    return restored
        .compose(v -> vertx.createHttpServer(new HttpServerOptions()
                .setHost(config.host())
                // No compression: it would buffer the SSE stream, and the assets are a few KiB.
                .setPort(config.port()))
            .requestHandler(HttpApi.router(vertx, state, hub, new ResultsAuth(config.resultsToken()), urls))
            .listen())
        .onSuccess(s -> {
          server = s;
          hub.start();
          feed.start();
          poller.start();
          LOG.info("dashboard on http://{}:{}/", config.host(), s.actualPort());
          if (config.resultsOpen()) {
            LOG.info("POST /api/results is open to local processes (loopback bind, no --results-token)");
          }
        });
  }

  @Override
  public Future<?> stop() {
    if (poller != null) {
      poller.stop();
    }
    if (hub != null) {
      hub.stop();
    }
    Future<Void> feedStopped = feed == null ? Future.succeededFuture() : feed.stop();
    Future<Void> serverClosed = server == null ? Future.succeededFuture() : server.close();
    return Future.join(feedStopped, serverClosed).eventually(() -> persistence.close());
  }
}
