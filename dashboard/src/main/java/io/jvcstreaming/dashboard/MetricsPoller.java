package io.jvcstreaming.dashboard;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

/**
 * Polls the scraper's {@code /metrics} on a timer and feeds {@link HealthTracker}. Only one scrape is in
 * flight at a time, so a slow scraper is not piled up on.
 */
final class MetricsPoller {

  static final int MAX_BODY_BYTES = 4 << 20;

  private final Vertx vertx;
  private final DashboardConfig config;
  private final HealthTracker tracker;
  private final Runnable onUpdate;
  private final HttpClient client;
  private long timerId = -1;
  private boolean inFlight;

  public MetricsPoller(Vertx vertx, DashboardConfig config, HealthTracker tracker, Runnable onUpdate) {
    this.vertx = vertx;
    this.config = config;
    this.tracker = tracker;
    this.onUpdate = onUpdate;
    this.client = vertx.createHttpClient(new HttpClientOptions()
        .setConnectTimeout(2000)
        .setIdleTimeout(30)
        .setKeepAlive(true));
  }

  public void start() {
    poll();
    timerId = vertx.setPeriodic(config.metricsInterval().toMillis(), id -> poll());
  }

  public void stop() {
    if (timerId >= 0) {
      vertx.cancelTimer(timerId);
    }
    client.close();
  }

  private void poll() {
    if (inFlight) {
      return;
    }
    inFlight = true;
    RequestOptions options = new RequestOptions()
        .setMethod(HttpMethod.GET)
        .setAbsoluteURI(config.metricsUrl().toString())
        .setTimeout(Math.max(1000, config.metricsInterval().toMillis()));
    client.request(options)
        .compose(req -> req.send())
        .compose(resp -> {
          if (resp.statusCode() != 200) {
            return Future.failedFuture("HTTP " + resp.statusCode());
          }
          String length = resp.getHeader("Content-Length");
          if (length != null && parseLong(length) > MAX_BODY_BYTES) {
            return Future.failedFuture("metrics body too large");
          }
          return resp.body();
        })
        .onComplete(ar -> {
          inFlight = false;
          long now = System.currentTimeMillis();
          if (ar.succeeded() && ar.result().length() <= MAX_BODY_BYTES) {
            tracker.update(PrometheusText.parse(ar.result().toString()), now);
          } else {
            tracker.unreachable(now, ar.succeeded() ? "metrics body too large" : String.valueOf(ar.cause().getMessage()));
          }
          onUpdate.run();
        });
  }

  private static long parseLong(String s) {
    try {
      return Long.parseLong(s.strip());
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
