package io.jvcstreaming.analytics.receive;

import io.jvcstreaming.model.Post;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/**
 * The (topic, id) of every post of one stored block, in the block's order: the metadata the receiver stores with
 * each block ({@code Receiver.store(iterator, metadata)}). Spark carries it to the driver with the block's report and
 * writes it to the driver's write-ahead log with the block's record, so the driver knows which posts a batch holds
 * without reading the blocks, also for a batch recomputed after a driver restart ({@link ReceivedBlockIds}).
 * Sixteen bytes per post, against the post itself for a read of the block; and the seqs of its first and last post,
 * so the driver can tell the receiver where to resume for a block it could not give to a batch
 * ({@link LeftoverBlocks}).
 *
 * <p>A value: equal when it holds the same posts and seqs. Spark's {@code ReceivedBlockTracker}, recovering from
 * its log, takes a batch's allocated blocks out of the unallocated queue by equality of their
 * {@code ReceivedBlockInfo}, this metadata included; with identity equality no block read back from the log ever
 * matched, so a restarted driver gave every block still in its log to its first batch again (a whole earlier run
 * re-read, and dropped by the exactly-once filter as duplicates).
 */
public final class BlockIds implements Serializable {

  private static final long serialVersionUID = 1L;
  private final long[] topics;
  private final long[] ids;
  private final long firstSeq;
  private final long lastSeq;

  private BlockIds(long[] topics, long[] ids, long firstSeq, long lastSeq) {
    this.topics = topics;
    this.ids = ids;
    this.firstSeq = firstSeq;
    this.lastSeq = lastSeq;
  }

  public static BlockIds of(List<Post> posts) {
    long[] topics = new long[posts.size()];
    long[] ids = new long[posts.size()];
    for (int i = 0; i < topics.length; i++) {
      Post p = posts.get(i);
      topics[i] = p.topicId();
      ids[i] = p.id();
    }
    return new BlockIds(topics, ids, posts.isEmpty() ? -1 : posts.get(0).seq(),
        posts.isEmpty() ? -1 : posts.get(posts.size() - 1).seq());
  }

  /** The seq of the block's first post (-1 for an empty block). */
  public long firstSeq() {
    return firstSeq;
  }

  /** The seq of the block's last post (-1 for an empty block). */
  public long lastSeq() {
    return lastSeq;
  }

  public int size() {
    return ids.length;
  }

  public long topic(int i) {
    return topics[i];
  }

  public long id(int i) {
    return ids[i];
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BlockIds other && firstSeq == other.firstSeq && lastSeq == other.lastSeq
        && Arrays.equals(ids, other.ids) && Arrays.equals(topics, other.topics);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * Arrays.hashCode(ids) + Arrays.hashCode(topics)) + Long.hashCode(firstSeq);
  }

  @Override
  public String toString() {
    return "BlockIds[" + ids.length + " posts]";
  }
}
