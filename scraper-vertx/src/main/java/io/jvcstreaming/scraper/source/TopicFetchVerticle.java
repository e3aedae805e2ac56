package io.jvcstreaming.scraper.source;

import io.jvcstreaming.retry.Backoff;
import io.jvcstreaming.scraper.config.ScraperConfig;
import io.jvcstreaming.scraper.log.PostLog;
import io.jvcstreaming.scraper.metrics.ScraperMetrics;
import io.jvcstreaming.scraper.parse.PageParseException;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps up to {@code fetchers} topics in flight. For each: read the bookmark, let {@link TopicCrawl} say which
 * pages to read ({@link TopicPages} fetches and parses them), and append the new posts with the bookmark in one
 * step. A crawl that fails anywhere appends nothing and is retried with backoff.
 */
public final class TopicFetchVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(TopicFetchVerticle.class);
  /** A failed topic waits 2 s, 4 s, … up to a minute (with jitter) before it is queued again. */
  private static final long RETRY_INITIAL_MS = 1_000;
  private static final long RETRY_MAX_MS = 60_000;

  private final ScraperConfig config;
  private final ForumHttpClient http;
  private final FetchQueue queue;
  private final PostLog log;
  private final ScraperMetrics metrics;
  private final Map<Long, Integer> failures = new HashMap<>();
  private TopicPages pages;
  private boolean stopped;

  public TopicFetchVerticle(ScraperConfig config, ForumHttpClient http, FetchQueue queue, PostLog log,
      ScraperMetrics metrics) {
    this.config = config;
    this.http = http;
    this.queue = queue;
    this.log = log;
    this.metrics = metrics;
  }

  @Override
  public Future<?> start() {
    pages = new TopicPages(vertx, http, metrics, config.maxRetries());
    metrics.gauges(queue::size, queue::inFlight);
    queue.onOffer(() -> context.runOnContext(v -> pump()));
    pump();
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    stopped = true;
    return Future.succeededFuture();
  }

  private void pump() {
    // the queue's in-flight set is the one count of fetches under way (poll adds to it, done removes)
    while (!stopped && queue.inFlight() < config.fetchers()) {
      TopicWork work = queue.poll();
      if (work == null) {
        return;
      }
      crawl(work).onComplete(ar -> {
        queue.done(work.topicId());
        if (ar.succeeded()) {
          failures.remove(work.topicId());
        } else {
          scheduleRetry(work, ar.cause());
        }
        pump();
      });
    }
  }

  private void scheduleRetry(TopicWork work, Throwable cause) {
    int n = failures.merge(work.topicId(), 1, Integer::sum);
    metrics.retry(RetryKind.ofTopic(cause));
    long delay = Backoff.delayMillis(RETRY_INITIAL_MS, RETRY_MAX_MS, n + 1);
    String reason = cause instanceof PageParseException p ? p.reason()
        : cause instanceof FetchException f ? f.reason() : cause.getMessage();
    LOG.warn("topic {} ({}) not streamed this time: {}; retry #{} in {} ms", work.topicId(), work.url(), reason, n, delay);
    vertx.setTimer(delay, t -> requeue(work, n));
  }

  /** Queues a failed topic again; a full queue parks it (never drops it), counted and logged. */
  void requeue(TopicWork work, int attempt) {
    if (!queue.offerRetry(work)) {
      metrics.retryParked();
      LOG.warn("topic {} retry #{}: the fetch queue is full ({} waiting); parked until there is room ({} parked)",
          work.topicId(), attempt, queue.size(), queue.parked());
    }
  }

  /** One topic, end to end; completes with the number of posts appended. */
  Future<Integer> crawl(TopicWork work) {
    return log.bookmark(work.topicId()).compose(bookmark -> {
      TopicCrawl crawl = new TopicCrawl(work, bookmark, config.backfillPages());
      return next(work, crawl, crawl.start());
    });
  }

  private Future<Integer> next(TopicWork work, TopicCrawl crawl, TopicCrawl.Step step) {
    return switch (step.kind()) {
      case FETCH -> pages.read(step.url()).compose(answer -> next(work, crawl,
          answer.page() != null ? crawl.onPage(step.page(), answer.page())
              : answer.location() != null ? crawl.onRedirect(step.page(), answer.location())
              : crawl.onGone()));
      case GONE -> log.gone(work.topicId()).map(v -> {
        metrics.topicGone();
        LOG.info("topic {} is gone (deleted or unknown): dropped from the schedule", work.topicId());
        return 0;
      });
      case FAIL -> Future.failedFuture(new FetchException(step.url(), step.reason()));
      case NOTHING_NEW -> {
        pages.settled(work.url(), step.lastPage());
        yield Future.succeededFuture(0);
      }
      case APPEND -> log.append(work.topicId(), step.fresh(), step.lastPage()).onSuccess(n -> {
        pages.settled(work.url(), step.lastPage());
        metrics.postsStreamed(n);
        if (n > 0) {
          LOG.debug("topic {}: {} new post(s) streamed", work.topicId(), n);
        }
      });
    };
  }
}
