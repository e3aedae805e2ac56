package io.jvcstreaming.scraper.dedup;

import io.jvcstreaming.codec.PostCodec;
import io.jvcstreaming.model.Post;
import io.jvcstreaming.scraper.stream.RecentPosts;
import io.vertx.core.Future;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The log and bookmarks in this process only: everything is lost on restart, which is why the scraper
 * says so loudly at start. The recent-posts window is the log itself.
 */
public final class InMemoryPostLog implements PostLog {

  private final RecentPosts recent;
  private final Map<Long, Bookmark> bookmarks = new HashMap<>();
  private final String streamId = StreamIds.fresh();
  private long nextSeq;

  public InMemoryPostLog(RecentPosts recent) {
    this.recent = recent;
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
    int appended = 0;
    long[] seqs = new long[candidates.size()];
    byte[][] lines = new byte[candidates.size()][];
    synchronized (this) {
      Bookmark bookmark = bookmarks.getOrDefault(topicId, Bookmark.none(topicId));
      long maxId = bookmark.lastMessageId();
      for (Post post : candidates) {
        if (post.id() > maxId) {
          long seq = nextSeq++;
          seqs[appended] = seq;
          lines[appended] = PostCodec.encodeLine(post.withSeq(seq));
          appended++;
          maxId = post.id();
        }
      }
      bookmarks.put(topicId, new Bookmark(topicId, maxId, lastPage));
      // under the same lock, so that seqs reach the window in order
      recent.appendAll(seqs, lines, appended);
    }
    return Future.succeededFuture(appended);
  }

  @Override
  public synchronized Future<Void> forget(long topicId) {
    bookmarks.remove(topicId);
    return Future.succeededFuture();
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
