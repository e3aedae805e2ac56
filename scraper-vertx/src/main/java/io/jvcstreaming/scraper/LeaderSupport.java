package io.jvcstreaming.scraper;

import io.jvcstreaming.scraper.config.ScraperConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/** Starts the scraper alone, or as a candidate in a Kubernetes leader election when that is on. */
final class LeaderSupport {

  private LeaderSupport() {
  }

  static Future<Scraper> run(Vertx vertx, ScraperConfig config) {
    if (!config.leaderElection()) {
      return Scraper.start(vertx, config);
    }
    return Future.failedFuture(new IllegalStateException("leader election is not available in this build"));
  }
}
