package io.jvcstreaming.scraper.dedup;

import io.jvcstreaming.model.Post;
import io.vertx.core.Future;
import java.util.List;

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

  /** The topic's bookmark ({@link Bookmark#none} if never streamed or expired). */
  Future<Bookmark> bookmark(long topicId);

  /**
   * Atomically: keeps the candidates whose id is above the topic's bookmark (candidates sorted by id
   * ascending, seq unset), gives each the next seq, appends them to the log and moves the bookmark.
   *
   * @return how many posts were appended
   */
  Future<Integer> append(long topicId, List<Post> candidates, int lastPage);

  /** A deleted topic: its bookmark goes (a recreated id would start afresh). */
  Future<Void> forget(long topicId);

  /** True when the store answers; false while Redis is down (the scraper pauses, it does not guess). */
  boolean healthy();

  /** True when the log survives a restart (Redis), false in memory. */
  boolean durable();

  Future<Void> close();
}
