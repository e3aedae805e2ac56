package io.jvcstreaming.scraper.log;

import io.jvcstreaming.model.Post;
import io.jvcstreaming.scraper.metrics.ScraperMetrics;
import io.jvcstreaming.scraper.stream.RecentPosts;
import io.vertx.core.Future;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The log and bookmarks in this process only (only with an explicit {@code --store memory}): everything is lost
 * on restart, which is why the scraper says so loudly at start. The recent-posts window is the log itself; the
 * id guard remembers the ids of the same window.
 */
public final class InMemoryPostLog implements PostLog {

  private static final Logger LOG = LoggerFactory.getLogger(InMemoryPostLog.class);
  /** The smallest {@code --log-capacity}: the window of a log built without one. */
  private static final int DEFAULT_CAPACITY = 100_000;

  private final RecentPosts recent;
  private final ScraperMetrics metrics;
  private final Map<Long, Bookmark> bookmarks = new HashMap<>();
  private final PostIdGuard ids;
  private final String streamId = StreamIds.fresh();
  private long nextSeq;

  public InMemoryPostLog(RecentPosts recent) {
    this(recent, new ScraperMetrics(), DEFAULT_CAPACITY);
  }

  public InMemoryPostLog(RecentPosts recent, ScraperMetrics metrics, int capacity) {
    this.recent = recent;
    this.metrics = metrics;
    this.ids = new PostIdGuard(capacity);
  }

  @Override
  public Future<Void> start() {
    return Future.succeededFuture();
  }

  @Override
  public String streamId() {
    return streamId;
  }

  @Override
  public synchronized Future<Bookmark> bookmark(long topicId) {
    return Future.succeededFuture(bookmarks.getOrDefault(topicId, Bookmark.none(topicId)));
  }

  @Override
  public Future<Integer> append(long topicId, List<Post> candidates, int lastPage) {
    FreshPosts fresh;
    synchronized (this) {
      Bookmark bookmark = bookmarks.getOrDefault(topicId, Bookmark.none(topicId));
      fresh = FreshPosts.choose(candidates, bookmark.lastMessageId(), ids, nextSeq);
      fresh.addTo(ids);
      nextSeq += fresh.count;
      bookmarks.put(topicId, new Bookmark(topicId, fresh.maxId, lastPage));
      // under the same lock, so that seqs reach the window in order
      recent.appendAll(fresh.seqs, fresh.lines, fresh.count);
    }
    fresh.reportDuplicates(topicId, metrics, LOG);
    return Future.succeededFuture(fresh.count);
  }

  @Override
  public boolean healthy() {
    return true;
  }

  @Override
  public boolean durable() {
    return false;
  }

  @Override
  public Future<Void> close() {
    return Future.succeededFuture();
  }
}
