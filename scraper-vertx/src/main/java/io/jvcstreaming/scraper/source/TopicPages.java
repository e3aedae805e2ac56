package io.jvcstreaming.scraper.source;

import io.jvcstreaming.codec.PostCodec;
import io.jvcstreaming.scraper.metrics.ScraperMetrics;
import io.jvcstreaming.scraper.parse.PageParseException;
import io.jvcstreaming.scraper.parse.PostLineCap;
import io.jvcstreaming.scraper.parse.TopicPage;
import io.jvcstreaming.scraper.parse.TopicPageParser;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one topic page for a crawl: a conditional fetch when its last read can answer a 304 ({@link AnswerCache}),
 * the parse off the event loop, and what the parser reports, logged and counted. Gives the crawl a
 * {@link Answer} to decide on ({@link TopicCrawl}).
 */
final class TopicPages {

  private static final Logger LOG = LoggerFactory.getLogger(TopicPages.class);
  private static final int PAGES_REMEMBERED = 2_000;

  /** A page's answer: read ({@code page}), a redirect ({@code location}), or gone (both null). */
  record Answer(TopicPage page, String location) {
  }

  private final Vertx vertx;
  private final WorkerExecutor parsePool;
  private final ForumHttpClient http;
  private final ScraperMetrics metrics;
  private final AnswerCache cache = new AnswerCache(PAGES_REMEMBERED);
  private final int maxRetries;

  /** @param maxRetries how many times a page cut short is read again before the crawl fails */
  TopicPages(Vertx vertx, ForumHttpClient http, ScraperMetrics metrics, int maxRetries) {
    this.maxRetries = maxRetries;
    this.vertx = vertx;
    this.parsePool = ParsePool.open(vertx);
    this.http = http;
    this.metrics = metrics;
  }

  Future<Answer> read(String url) {
    return read(url, 0);
  }

  private Future<Answer> read(String url, int attempt) {
    return fetch(url, cache.canAnswer304(url)).compose(result -> switch (result.outcome()) {
      case OK -> parse(url, result).recover(e -> readAgain(url, attempt, e));
      case NOT_MODIFIED -> Future.succeededFuture(read(cache.answer304(url)));
      case REDIRECT -> Future.succeededFuture(new Answer(null, result.location()));
      case GONE -> Future.succeededFuture(new Answer(null, null));
    });
  }

  private Future<Answer> parse(String url, FetchResult result) {
    return parsePool.<TopicPage>executeBlocking(() -> TopicPageParser.parse(result.body(), url), false)
        .recover(e -> {
          String reason = reason(e);
          metrics.parseError(reason);
          http.forgetValidators(url);
          cache.forget(url);
          LOG.warn("topic page {} did not parse: {}", url, reason);
          return Future.failedFuture(e);
        })
        .map(parsed -> {
          reportOddities(url, parsed);
          cache.read(url, parsed);
          return read(parsed);
        });
  }

  /**
   * A page cut short is read again, after the project's backoff, before it fails the crawl: a failed crawl is
   * retried from its first page not streamed, so with pages cut now and then a topic of many pages would fail
   * attempt after attempt and never be streamed.
   */
  private Future<Answer> readAgain(String url, int attempt, Throwable failure) {
    RetryDecision retry = RetryDecision.afterParseFailure(reason(failure), attempt, maxRetries,
        http.backoffMillis(attempt));
    if (retry.giveUp()) {
      return Future.failedFuture(failure);
    }
    metrics.retry(RetryKind.CUT_PAGE);
    LOG.info("topic page {} was cut short: reading it again in {} ms (attempt {})", url, retry.delayMillis(),
        attempt + 2);
    return vertx.timer(Math.max(1, retry.delayMillis())).compose(v -> read(url, attempt + 1));
  }

  private static String reason(Throwable e) {
    return e instanceof PageParseException p ? p.reason() : e.toString();
  }

  /** The topic's crawl is over, its bookmark at {@code lastPage}: see {@link AnswerCache#settled}. */
  void settled(String topicUrl, int lastPage) {
    cache.settled(topicUrl, lastPage);
  }

  /** A conditional fetch whose 304 we cannot answer from memory becomes a full one. */
  private Future<FetchResult> fetch(String url, boolean conditional) {
    return http.get(url, conditional).compose(result ->
        result.outcome() == FetchResult.Outcome.NOT_MODIFIED && !cache.canAnswer304(url)
            ? http.get(url, false)
            : Future.succeededFuture(result));
  }

  /** Counted for every page the crawl reads, 304s included. */
  private Answer read(TopicPage parsed) {
    metrics.postsParsed(parsed.posts().size());
    if (parsed.skippedMessages() > 0) {
      metrics.messagesSkipped(parsed.skippedMessages());
      LOG.warn("topic page {}: {} message(s) without id, author or date skipped", parsed.currentPage(),
          parsed.skippedMessages());
    }
    return new Answer(parsed, null);
  }

  /** What the parser had to do to a fresh page beyond reading it: said once per page read, not per 304. */
  private void reportOddities(String url, TopicPage parsed) {
    if (!parsed.truncatedPosts().isEmpty()) {
      metrics.postsTruncated(parsed.truncatedPosts().size());
      LOG.warn("topic page {}: post(s) {} longer than the stream's {}-byte line cap: text cut to fit, ending with '{}'",
          url, parsed.truncatedPosts(), PostCodec.MAX_LINE_BYTES, PostLineCap.MARKER.strip());
    }
    if (parsed.payloadProblem() != null) {
      metrics.payloadSkipped(parsed.payloadProblem());
      LOG.warn("topic page {}: embedded payload not used ({}): read from the markup", url, parsed.payloadProblem());
    }
  }
}
