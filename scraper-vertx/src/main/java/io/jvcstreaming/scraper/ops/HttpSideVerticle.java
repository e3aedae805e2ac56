package io.jvcstreaming.scraper.ops;

import io.jvcstreaming.scraper.metrics.ScraperMetrics;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operations port: {@code /health} (the process is alive), {@code /ready} (it is worth sending
 * clients here), {@code /metrics} (Prometheus text format).
 */
public final class HttpSideVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(HttpSideVerticle.class);

  private final String host;
  private final int port;
  private final ScraperMetrics metrics;
  private final Supplier<Readiness> readiness;
  private HttpServer server;

  public HttpSideVerticle(String host, int port, ScraperMetrics metrics, Supplier<Readiness> readiness) {
    this.host = host;
    this.port = port;
    this.metrics = metrics;
    this.readiness = readiness;
  }

  @Override
  public Future<?> start() {
    server = vertx.createHttpServer().requestHandler(this::handle);
    return server.listen(port, host).onSuccess(s -> LOG.info("health, readiness and metrics on http://{}:{}/", host,
        s.actualPort()));
  }

  public int actualPort() {
    return server.actualPort();
  }

  @Override
  public Future<?> stop() {
    return server == null ? Future.succeededFuture() : server.close();
  }

  private void handle(HttpServerRequest request) {
    Readiness r = readiness.get();
    switch (request.path()) {
      case "/health" -> request.response().putHeader("Content-Type", "application/json")
          .end(new JsonObject().put("status", "UP").encode());
      case "/ready" -> request.response().setStatusCode(r.ready() ? 200 : 503)
          .putHeader("Content-Type", "application/json").end(r.toJson().encode());
      case "/metrics" -> request.response().putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
          .end(metrics.render(r.storeUp(), r.leader()));
      default -> request.response().setStatusCode(404).end("try /health, /ready or /metrics\n");
    }
  }
}
