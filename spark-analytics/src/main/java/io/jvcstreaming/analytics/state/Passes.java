package io.jvcstreaming.analytics.state;

import java.io.Serializable;
import java.util.Arrays;

/**
 * Which posts of one topic count in this batch: their ids, ascending and each once, and for each the received
 * partition whose copy counts (the lowest one holding it, when a post was received twice in the same batch).
 * Emitted by {@link HighWaterMark}, read by {@link PassTable} in every task that reads the batch's posts.
 */
public final class Passes implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final long[] NO_IDS = {};
  private static final int[] NO_PARTITIONS = {};

  private final long topicId;
  private final long[] ids;
  private final int[] partitions;

  Passes(long topicId, long[] ids, int[] partitions) {
    this.topicId = topicId;
    this.ids = ids;
    this.partitions = partitions;
  }

  /** Nothing of this topic counts (an idle topic leaving the state, or a batch of replays only). */
  static Passes none(long topicId) {
    return new Passes(topicId, NO_IDS, NO_PARTITIONS);
  }

  public long topicId() {
    return topicId;
  }

  public int size() {
    return ids.length;
  }

  /** The position of {@code id} among the ids that count, or -1 when it does not count. */
  int indexOf(long id) {
    int i = Arrays.binarySearch(ids, id);
    return i < 0 ? -1 : i;
  }

  long id(int index) {
    return ids[index];
  }

  int partition(int index) {
    return partitions[index];
  }

  /** The ids that count, ascending (tests and logs). */
  public long[] ids() {
    return ids.clone();
  }

  @Override
  public String toString() {
    return "Passes[topic " + topicId + ": " + Arrays.toString(ids) + " from partitions "
        + Arrays.toString(partitions) + "]";
  }
}
