package io.jvcstreaming.scraper.source;

import io.jvcstreaming.scraper.config.ScraperConfig;
import io.jvcstreaming.scraper.metrics.ScraperMetrics;
import io.jvcstreaming.scraper.parse.ForumUrls;
import io.jvcstreaming.scraper.parse.PageParseException;
import io.jvcstreaming.scraper.parse.TopicListPage;
import io.jvcstreaming.scraper.parse.TopicListParser;
import io.jvcstreaming.scraper.parse.TopicRow;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.WorkerExecutor;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls list pages 1..N every refresh interval and queues the topics whose row changed ({@link ListRound} decides).
 */
public final class TopicRefreshVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(TopicRefreshVerticle.class);
  private static final int REMEMBERED_TOPICS = 50_000;

  private final ScraperConfig config;
  private final ForumHttpClient http;
  private final FetchQueue queue;
  private final ScraperMetrics metrics;
  private final ListRound round = new ListRound(REMEMBERED_TOPICS);
  private long timerId = -1;
  private boolean roundRunning;
  private WorkerExecutor parsePool;

  public TopicRefreshVerticle(ScraperConfig config, ForumHttpClient http, FetchQueue queue, ScraperMetrics metrics) {
    this.config = config;
    this.http = http;
    this.queue = queue;
    this.metrics = metrics;
  }

  @Override
  public Future<?> start() {
    parsePool = ParsePool.open(vertx);
    timerId = vertx.setPeriodic(0, config.refreshInterval().toMillis(), t -> refresh());
    LOG.info("refreshing {} list page(s) every {} ms from {}", config.listPages(), config.refreshInterval().toMillis(),
        config.forumUrl());
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(timerId);
    return Future.succeededFuture();
  }

  private void refresh() {
    if (roundRunning) {
      return; // the previous round is still waiting on slow pages: don't pile up
    }
    roundRunning = true;
    List<Future<List<TopicRow>>> pages = new ArrayList<>();
    for (int page = 1; page <= config.listPages(); page++) {
      pages.add(fetchListPage(ForumUrls.listPageUrl(config.forumUrl().toString(), page)));
    }
    Future.join(pages).onComplete(ar -> {
      roundRunning = false;
      int offered = 0;
      List<List<TopicRow>> read = new ArrayList<>();
      for (Future<List<TopicRow>> f : pages) {
        if (f.succeeded()) {
          read.add(f.result());
        }
      }
      for (TopicRow row : ListRound.merge(read)) {
        TopicWork work = round.changed(row);
        if (work != null && queue.offer(work)) {
          round.queued(row);
          offered++;
        }
      }
      if (!read.isEmpty()) {
        metrics.listRefreshed(System.currentTimeMillis());
      }
      if (offered > 0) {
        LOG.debug("list refresh: {} topic(s) changed, queue depth {}", offered, queue.size());
      }
    });
  }

  private Future<List<TopicRow>> fetchListPage(String url) {
    return http.get(url, true).compose(result -> switch (result.outcome()) {
      case OK -> parsePool.<TopicListPage>executeBlocking(() -> TopicListParser.parse(result.body().text(), url), false)
          .map(TopicListPage::rows)
          .recover(e -> {
            String reason = e instanceof PageParseException p ? p.reason() : e.toString();
            LOG.warn("list page {} did not parse: {}", url, reason);
            metrics.parseError("list: " + reason);
            http.forgetValidators(url);
            return Future.failedFuture(e);
          });
      case NOT_MODIFIED -> Future.succeededFuture(List.of());
      default -> {
        LOG.warn("list page {} answered {} ({}): skipped this round", url, result.status(), result.outcome());
        yield Future.succeededFuture(List.of());
      }
    }).onFailure(e -> {
      if (!(e instanceof PageParseException)) {
        LOG.warn("list page {} failed: {}", url, e.getMessage());
      }
    });
  }
}
