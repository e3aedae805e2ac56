package io.jvcstreaming.analytics.state;

import java.util.Arrays;
import org.apache.spark.api.java.Optional;
import org.apache.spark.api.java.function.Function3;
import org.apache.spark.streaming.State;

/**
 * The {@code mapWithState} function that makes counting idempotent: per topic, the highest post id counted so far
 * is kept in the checkpointed state, and a batch's posts of that topic count only when their id is above it.
 *
 * <p>Why: the receiver writes its bookmark after Spark has stored a block. A driver killed between the two
 * resumes from the older bookmark and receives that block's posts again, while the restarted driver also recovers
 * the block itself (write-ahead log): without this mark those posts are counted twice. The scraper appends each
 * topic's posts in ascending id order (and the forum's ids only grow), so a post at or below the topic's high-water
 * mark has been counted already; the same holds for posts re-streamed under a new stream id after a wiped store.
 * A post received twice within one batch (a recovered block and its re-received copy both allocated to the first
 * batch after a restart) counts once: the copy in the lowest partition, see {@link PassTable}.
 *
 * <p>It sees only ids ({@link TopicIds}), never the posts: the posts stay in their received blocks and are
 * filtered where they are read ({@link KeepNewPosts}), instead of being shuffled and cached by the state.
 */
public final class HighWaterMark implements Function3<Long, Optional<TopicIds>, State<Long>, Passes> {

  private static final long serialVersionUID = 1L;

  @Override
  public Passes call(Long topicId, Optional<TopicIds> batch, State<Long> highest) {
    if (highest.isTimingOut() || !batch.isPresent()) {
      return Passes.none(topicId); // an idle topic leaving the state (a post of it after the idle timeout is new)
    }
    long mark = highest.exists() ? highest.get() : Long.MIN_VALUE;
    Passes passes = above(topicId, batch.get(), mark);
    // updated even when nothing passes: a topic that only sees replays stays in the state until it is idle
    highest.update(passes.size() == 0 ? mark : Math.max(mark, lastId(passes)));
    return passes;
  }

  /** The ids above {@code mark}, ascending and unique, each with the lowest partition that holds it. */
  static Passes above(long topicId, TopicIds batch, long mark) {
    int kept = 0;
    boolean ascending = true;
    long previous = mark;
    for (int i = 0; i < batch.size(); i++) {
      long id = batch.id(i);
      if (id > mark) {
        ascending &= id > previous;
        previous = Math.max(previous, id);
        kept++;
      }
    }
    long[] ids = new long[kept];
    int[] partitions = new int[kept];
    if (ascending) { // the usual batch: nothing received twice, partitions in the order they were received
      int k = 0;
      for (int i = 0; i < batch.size(); i++) {
        if (batch.id(i) > mark) {
          ids[k] = batch.id(i);
          partitions[k++] = batch.partition(i);
        }
      }
      return new Passes(topicId, ids, partitions);
    }
    long[][] pairs = new long[kept][];
    int k = 0;
    for (int i = 0; i < batch.size(); i++) {
      if (batch.id(i) > mark) {
        pairs[k++] = new long[] {batch.id(i), batch.partition(i)};
      }
    }
    Arrays.sort(pairs, (x, y) -> x[0] != y[0] ? Long.compare(x[0], y[0]) : Long.compare(x[1], y[1]));
    int size = 0;
    for (long[] pair : pairs) {
      if (size == 0 || ids[size - 1] != pair[0]) { // the first of equal ids has the lowest partition
        ids[size] = pair[0];
        partitions[size++] = (int) pair[1];
      }
    }
    return new Passes(topicId, Arrays.copyOf(ids, size), Arrays.copyOf(partitions, size));
  }

  private static long lastId(Passes passes) {
    return passes.id(passes.size() - 1);
  }
}
