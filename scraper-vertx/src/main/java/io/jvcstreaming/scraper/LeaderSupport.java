package io.jvcstreaming.scraper;

import io.jvcstreaming.leader.LeadershipConfig;
import io.jvcstreaming.leader.ProcessLeadership;
import io.jvcstreaming.scraper.config.ScraperConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the scraper alone, or as a candidate in a Kubernetes Lease election. A candidate serves
 * {@code /health} at once but is not ready (so the Service sends clients to the leader) until it leads;
 * then it opens the log (seq continues from Redis), the stream and the crawl. A leader that loses the
 * lease exits: a half-stopped leader could still append, and Kubernetes restarts it as a follower.
 */
final class LeaderSupport {

  private static final Logger LOG = LoggerFactory.getLogger(LeaderSupport.class);

  private LeaderSupport() {
  }

  static Future<Scraper> run(Vertx vertx, ScraperConfig config) {
    if (!config.leaderElection()) {
      return Scraper.start(vertx, config);
    }
    return Scraper.create(vertx, config).map(scraper -> {
      // ProcessLeadership exits (code 1) when the lease is lost and releases it on SIGTERM without exiting inside
      // the shutdown hook (which deadlocked the JVM before)
      ProcessLeadership.start(
          LeadershipConfig.of(config.podNamespace(), config.leaseName(), config.podName(), config.leaseDuration()),
          () -> vertx.runOnContext(v -> {
            LOG.info("{} leads (lease {}/{}): starting the crawl and the stream", config.podName(),
                config.podNamespace(), config.leaseName());
            scraper.lead().onFailure(e -> {
              LOG.error("could not start leading: {}", e.toString(), e);
              System.exit(1);
            });
          }));
      LOG.info("{} is a candidate for lease {}/{}; not ready until it leads", config.podName(), config.podNamespace(),
          config.leaseName());
      return scraper;
    });
  }
}
