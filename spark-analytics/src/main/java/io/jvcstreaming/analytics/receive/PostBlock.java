package io.jvcstreaming.analytics.receive;

import io.jvcstreaming.analytics.metrics.ReceiverEvents;
import io.jvcstreaming.model.Post;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The posts read since the last store, stored as one block; then the session's position is bookmarked. */
final class PostBlock {

  // the receiver's logger: the log lines stay where operators look for them
  private static final Logger LOG = LoggerFactory.getLogger(NdjsonReceiver.class);

  private final NdjsonReceiver receiver;
  private final SeqBookmark bookmark;
  private final ReceiverSession position;
  private final long intervalMs;
  private List<Post> posts = new ArrayList<>();
  private long firstAt;
  private long deadline;
  boolean storedAny;
  /** Posts skipped as already stored or counted, not yet reported to the driver's metrics. */
  long skipped;

  PostBlock(NdjsonReceiver receiver, SeqBookmark bookmark, ReceiverSession position, long intervalMs) {
    this.receiver = receiver;
    this.bookmark = bookmark;
    this.position = position;
    this.intervalMs = intervalMs;
  }

  boolean isEmpty() {
    return posts.isEmpty();
  }

  void add(Post post) {
    if (posts.isEmpty()) {
      firstAt = System.nanoTime();
      deadline = BlockDeadline.after(System.currentTimeMillis(), intervalMs);
    }
    posts.add(post);
    if (posts.size() >= NdjsonReceiver.MAX_BLOCK_RECORDS || due()) {
      flush();
    }
  }

  /** The socket had nothing to read for a while: store the block if its time has come. */
  void flushIfDue() {
    if (!posts.isEmpty() && due()) {
      flush();
    } else {
      reportSkipped();
    }
  }

  /**
   * At the block's {@link BlockDeadline}; or an interval after its first post on the monotonic clock, so a wall
   * clock set back never holds a block longer than that.
   */
  private boolean due() {
    return System.currentTimeMillis() >= deadline || System.nanoTime() - firstAt >= intervalMs * 1_000_000L;
  }

  void reportSkipped() {
    if (skipped > 0) {
      ReceiverEvents.skipped(receiver.streamId(), skipped);
      skipped = 0;
    }
  }

  void flush() {
    reportSkipped();
    if (posts.isEmpty() || receiver.isStopped()) {
      return;
    }
    List<Post> toStore = posts;
    // blocks until stored (and written ahead when the WAL is on); throws if it cannot
    receiver.store(toStore.iterator(), BlockIds.of(toStore));
    posts = new ArrayList<>(Math.min(NdjsonReceiver.MAX_BLOCK_RECORDS, toStore.size() * 2));
    storedAny = true;
    ReceiverEvents.stored(receiver.streamId(), position.seq());
    try {
      // the session has consumed exactly up to the block's last post: its position is what was stored
      bookmark.save(position.streamId(), position.seq(), position.marks());
    } catch (IOException e) {
      LOG.error("receiver {}: cannot write the bookmark {}", receiver.streamId(), bookmark, e);
      receiver.reportError("cannot write the receiver bookmark " + bookmark + " (a driver restart may replay posts)", e);
    }
  }
}
