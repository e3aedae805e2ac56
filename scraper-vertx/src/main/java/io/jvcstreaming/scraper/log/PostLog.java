package io.jvcstreaming.scraper.log;

import io.jvcstreaming.model.Post;
import io.vertx.core.Future;
import java.util.List;
import java.util.function.Consumer;

/**
 * The scraper's log of streamed posts and its per-topic bookmarks, updated together so that no post is
 * logged twice and none is skipped, even when the process dies between two calls.
 */
public interface PostLog {

  /** Opens the store and starts feeding {@link io.jvcstreaming.scraper.stream.RecentPosts}. */
  Future<Void> start();

  /**
   * The identity of this log (16 hex chars), valid once {@link #start()} has succeeded: it changes whenever
   * seq continuity cannot be promised (a fresh in-memory log, a store that was created or wiped), so that a
   * reader's (stream id, seq) position is never taken for a position in another log. See docs/protocol.md.
   */
  String streamId();

  /** The topic's bookmark ({@link Bookmark#none} if never streamed, or untouched for {@link BookmarkRetention#TTL}). */
  Future<Bookmark> bookmark(long topicId);

  /**
   * Atomically: keeps the candidates whose id is above the topic's bookmark (candidates sorted by id
   * ascending, seq unset) and not already in the log under any topic (a merged or moved topic brings posts
   * already streamed: they are skipped and counted), gives each the next seq, appends them to the log and
   * moves the bookmark past every candidate.
   *
   * @return how many posts were appended
   */
  Future<Integer> append(long topicId, List<Post> candidates, int lastPage);

  /**
   * The topic answered 404/410 or redirected elsewhere. Its bookmark is deliberately kept: a topic that comes
   * back (restored by moderation, a transient 410) must not be "new" and have its last page streamed again
   * under new seqs. Nothing to write: this is the decision, named so the call site says it.
   */
  default Future<Void> gone(long topicId) {
    return Future.succeededFuture();
  }

  /**
   * Called (once, on the store's thread) when the store no longer holds the stream this process opened (Redis
   * wiped or FLUSHALLed while we run): nothing more can be appended under this id, and the process must restart
   * onto a new stream. Only a store that can be wiped behind our back calls it.
   */
  default void onStreamLost(Consumer<String> handler) {
  }

  /** True when the store answers; false while Redis is down (the scraper pauses, it does not guess). */
  boolean healthy();

  /** True when the log survives a restart (Redis, local store), false in memory. */
  boolean durable();

  Future<Void> close();
}
