package io.jvcstreaming.analytics.state;

import java.io.Serializable;
import java.util.Arrays;

/**
 * The ids of one topic's posts in a batch, each with the index of the received partition (block) it was read from:
 * what {@link HighWaterMark} needs to decide which posts count, a few bytes per post instead of the post itself.
 * Mutable while one task builds it; merged across partitions by a {@code reduceByKey}. Kept in partition order:
 * blocks are received one after the other and a topic's ids only grow, so in the usual batch the ids come out
 * ascending and {@link HighWaterMark} has nothing to sort.
 */
public final class TopicIds implements Serializable {

  private static final long serialVersionUID = 1L;
  private final long topicId;
  private long[] ids;
  private int[] partitions;
  private int size;

  public TopicIds(long topicId) {
    this.topicId = topicId;
    this.ids = new long[8];
    this.partitions = new int[8];
  }

  public long topicId() {
    return topicId;
  }

  public int size() {
    return size;
  }

  public long id(int i) {
    return ids[i];
  }

  public int partition(int i) {
    return partitions[i];
  }

  public TopicIds add(long id, int partition) {
    if (size == ids.length) {
      ids = Arrays.copyOf(ids, size * 2);
      partitions = Arrays.copyOf(partitions, size * 2);
    }
    ids[size] = id;
    partitions[size] = partition;
    size++;
    return this;
  }

  /** This topic's ids and {@code other}'s, in partition order (the reduce of two partitions' ids); returns this. */
  public TopicIds merge(TopicIds other) {
    if (size == 0 || other.size == 0 || partitions[size - 1] <= other.partitions[0]) {
      for (int i = 0; i < other.size; i++) {
        add(other.ids[i], other.partitions[i]);
      }
      return this;
    }
    long[] mergedIds = new long[size + other.size];
    int[] mergedPartitions = new int[size + other.size];
    int a = 0;
    int b = 0;
    for (int out = 0; out < mergedIds.length; out++) {
      boolean fromThis = b == other.size || a < size && partitions[a] <= other.partitions[b];
      mergedIds[out] = fromThis ? ids[a] : other.ids[b];
      mergedPartitions[out] = fromThis ? partitions[a++] : other.partitions[b++];
    }
    ids = mergedIds;
    partitions = mergedPartitions;
    size = mergedIds.length;
    return this;
  }
}
