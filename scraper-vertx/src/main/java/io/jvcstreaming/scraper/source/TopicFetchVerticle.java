package io.jvcstreaming.scraper.source;

import io.jvcstreaming.codec.PostCodec;
import io.jvcstreaming.model.Post;
import io.jvcstreaming.retry.Backoff;
import io.jvcstreaming.scraper.config.ScraperConfig;
import io.jvcstreaming.scraper.dedup.Bookmark;
import io.jvcstreaming.scraper.dedup.PostLog;
import io.jvcstreaming.scraper.metrics.ScraperMetrics;
import io.jvcstreaming.scraper.parse.ForumUrls;
import io.jvcstreaming.scraper.parse.PageParseException;
import io.jvcstreaming.scraper.parse.PostLineCap;
import io.jvcstreaming.scraper.parse.TopicPage;
import io.jvcstreaming.scraper.parse.TopicPageParser;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps up to {@code fetchers} topics in flight. For each: read the bookmark, fetch the pages that can hold
 * unseen posts, parse them off the event loop, and append the new posts with the bookmark in one step.
 *
 * <p>Pages are read from the last one backwards, until a page holds a post the bookmark already covers.
 * Backwards because moderation deletes messages and later ones shift to earlier pages: reading
 * backwards, a post can only shift onto a page we have not read yet (seen twice at worst, and deduped by
 * id), never onto one already behind us, which would lose it. A crawl that fails anywhere appends
 * nothing and is retried with backoff: the bookmark never moves past a page we did not read.
 */
public final class TopicFetchVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(TopicFetchVerticle.class);
  /** A topic that grows while we crawl it is crawled again from its new last page, a few times at most. */
  private static final int MAX_RESTARTS = 3;
  private static final int PAGES_REMEMBERED = 2_000;
  /** A failed topic waits 2 s, 4 s, … up to a minute (with jitter) before it is queued again. */
  private static final long RETRY_INITIAL_MS = 1_000;
  private static final long RETRY_MAX_MS = 60_000;

  private final ScraperConfig config;
  private final ForumHttpClient http;
  private final FetchQueue queue;
  private final PostLog log;
  private final ScraperMetrics metrics;
  private final Map<Long, Integer> failures = new HashMap<>();
  /**
   * The last page read at each URL. A 304 says "same as your last 200", and that 200 may belong to a crawl
   * that failed or restarted, whose posts were never appended: so a 304 is answered from here, never read
   * as "nothing new". Bounded; a 304 for a page no longer held is fetched again in full.
   */
  private final Map<String, TopicPage> lastRead = new java.util.LinkedHashMap<>(1024, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, TopicPage> eldest) {
      return size() > PAGES_REMEMBERED;
    }
  };
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
    return log.bookmark(work.topicId()).compose(bookmark -> crawlFrom(work, bookmark, work.lastPage(), 0));
  }

  private Future<Integer> crawlFrom(TopicWork work, Bookmark bookmark, int lastPage, int restarts) {
    Crawl crawl = new Crawl(work, bookmark, lastPage);
    return crawl.page(lastPage).compose(outcome -> switch (outcome) {
      case GREW -> restarts < MAX_RESTARTS
          ? crawlFrom(work, bookmark, crawl.grewTo, restarts + 1)
          : Future.failedFuture(new FetchException(work.url(), "topic keeps growing during the crawl"));
      case GONE -> log.gone(work.topicId()).map(v -> {
        metrics.topicGone();
        LOG.info("topic {} is gone (deleted or unknown): dropped from the schedule", work.topicId());
        return 0;
      });
      case DONE -> appendNew(crawl);
    });
  }

  private Future<Integer> appendNew(Crawl crawl) {
    List<Post> fresh = new ArrayList<>();
    for (Post post : crawl.posts.values()) {
      if (post.id() > crawl.bookmark.lastMessageId()) {
        fresh.add(post);
      }
    }
    if (fresh.isEmpty() && crawl.maxPageSeen == crawl.bookmark.lastPage()) {
      return Future.succeededFuture(0);
    }
    return log.append(crawl.work.topicId(), fresh, crawl.maxPageSeen).onSuccess(n -> {
      metrics.postsStreamed(n);
      if (n > 0) {
        LOG.debug("topic {}: {} new post(s) streamed", crawl.work.topicId(), n);
      }
    });
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

  private enum Outcome { DONE, GREW, GONE }

  /** The state of one crawl of one topic. */
  private final class Crawl {
    final TopicWork work;
    final Bookmark bookmark;
    final int startPage;
    final TreeMap<Long, Post> posts = new TreeMap<>();
    int pagesRead;
    int maxPageSeen;
    int grewTo;

    Crawl(TopicWork work, Bookmark bookmark, int startPage) {
      this.work = work;
      this.bookmark = bookmark;
      this.startPage = startPage;
      this.maxPageSeen = startPage;
    }

    Future<Outcome> page(int page) {
      String url = ForumUrls.topicPageUrl(work.url(), page);
      return fetch(url, lastRead.containsKey(url)).compose(result -> switch (result.outcome()) {
        case OK -> vertx.<TopicPage>executeBlocking(() -> TopicPageParser.parse(result.body(), url), false)
            .recover(e -> {
              String reason = e instanceof PageParseException p ? p.reason() : e.toString();
              metrics.parseError(reason);
              http.forgetValidators(url);
              lastRead.remove(url);
              LOG.warn("topic page {} did not parse: {}", url, reason);
              return Future.failedFuture(e);
            })
            .compose(parsed -> {
              reportOddities(url, parsed);
              lastRead.put(url, parsed);
              return afterPage(page, parsed);
            });
        case NOT_MODIFIED -> afterPage(page, lastRead.get(url));
        case REDIRECT -> redirected(page, result.location());
        case GONE -> Future.succeededFuture(Outcome.GONE);
      });
    }

    /** A conditional fetch whose 304 we cannot answer from memory becomes a full one. */
    private Future<FetchResult> fetch(String url, boolean conditional) {
      return http.get(url, conditional).compose(result ->
          result.outcome() == FetchResult.Outcome.NOT_MODIFIED && !lastRead.containsKey(url)
              ? http.get(url, false)
              : Future.succeededFuture(result));
    }

    private Future<Outcome> afterPage(int page, TopicPage parsed) {
      pagesRead++;
      metrics.postsParsed(parsed.posts().size());
      if (parsed.skippedMessages() > 0) {
        metrics.messagesSkipped(parsed.skippedMessages());
        LOG.warn("topic page {}: {} message(s) without id, author or date skipped", parsed.currentPage(),
            parsed.skippedMessages());
      }
      if (page == startPage && parsed.lastPage() > startPage) {
        grewTo = parsed.lastPage();
        return Future.succeededFuture(Outcome.GREW);
      }
      maxPageSeen = Math.max(maxPageSeen, Math.max(page, parsed.lastPage()));
      long minId = Long.MAX_VALUE;
      for (Post post : parsed.posts()) {
        posts.putIfAbsent(post.id(), post);
        minId = Math.min(minId, post.id());
      }
      boolean more;
      if (page <= 1) {
        more = false;
      } else if (bookmark.isNew()) {
        more = pagesRead < config.backfillPages();
      } else {
        // every post here is new: the page before may hold new ones too
        more = !parsed.posts().isEmpty() && minId > bookmark.lastMessageId();
      }
      return more ? page(page - 1) : Future.succeededFuture(Outcome.DONE);
    }

    private Future<Outcome> redirected(int page, String location) {
      OptionalLong target = ForumUrls.topicId(location);
      OptionalInt targetPage = ForumUrls.pageOf(location);
      if (target.isEmpty() || target.getAsLong() != work.topicId() || targetPage.isEmpty()) {
        return Future.succeededFuture(Outcome.GONE); // unknown topic: sent to the forum's home
      }
      int real = targetPage.getAsInt();
      if (real < page) {
        // past the end: the topic shrank (deletions); its real last page is where we are sent
        if (page == startPage) {
          grewTo = real;
          return Future.succeededFuture(Outcome.GREW);
        }
        return page(real);
      }
      return Future.failedFuture(new FetchException(location, "redirect loop to page " + real + " from " + page));
    }
  }
}
