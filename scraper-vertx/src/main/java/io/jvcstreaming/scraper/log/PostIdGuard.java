package io.jvcstreaming.scraper.log;

import java.util.HashSet;
import java.util.Set;

/**
 * The ids of the last {@code capacity} posts logged, by seq: the guard that keeps a post out of the log when it
 * comes back under another topic (a merged or moved topic), for as long as the log holds it. Seqs are added in
 * order, one after the other; the oldest id goes when the window is full. Not thread-safe: its log's one writer.
 */
final class PostIdGuard {

  private final long[] idBySeq;
  private final Set<Long> held;
  private long firstSeq;
  private int size;

  PostIdGuard(int capacity) {
    this.idBySeq = new long[capacity];
    this.held = new HashSet<>(Math.min(capacity, 1 << 16));
  }

  boolean contains(long postId) {
    return held.contains(postId);
  }

  /** Post {@code postId} was logged at {@code seq}, the seq after the last one added (any seq when empty). */
  void add(long seq, long postId) {
    if (size > 0 && seq != firstSeq + size) {
      throw new IllegalArgumentException("seq " + seq + " after " + (firstSeq + size - 1));
    }
    if (size == 0) {
      firstSeq = seq;
    } else if (size == idBySeq.length) {
      held.remove(idBySeq[(int) (firstSeq % idBySeq.length)]);
      firstSeq++;
      size--;
    }
    idBySeq[(int) (seq % idBySeq.length)] = postId;
    held.add(postId);
    size++;
  }

  /** The id logged at {@code seq}, which must be held. */
  long idAt(long seq) {
    if (size == 0 || seq < firstSeq || seq >= firstSeq + size) {
      throw new IllegalArgumentException("seq " + seq + " is not held");
    }
    return idBySeq[(int) (seq % idBySeq.length)];
  }
}
