package io.jvcstreaming.analytics.report;

import io.jvcstreaming.model.Post;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Driver-side notes shared by the output operations of one batch: how many posts the batch had, the running
 * total, the pseudo job's matched posts. {@link io.jvcstreaming.analytics.jobs.PostTotals}' outputs run first in every batch (output
 * operations of a batch run in registration order), the jobs' reports read them afterwards.
 *
 * <p>Only ever touched inside {@code foreachRDD} bodies, which run on the driver; never from an executor.
 * Thread-safe. Old batches are dropped.
 */
public final class BatchBoard {

  private static final int KEEP_BATCHES = 64;
  private static final ConcurrentSkipListMap<Long, Entry> BATCHES = new ConcurrentSkipListMap<>();

  public static final class Entry {
    volatile long batchPosts;
    volatile long totalPosts;
    public final ConcurrentHashMap<String, List<Post>> matches = new ConcurrentHashMap<>();
  }

  private BatchBoard() {
  }

  public static Entry at(long batchTime) {
    Entry e = BATCHES.computeIfAbsent(batchTime, t -> new Entry());
    while (BATCHES.size() > KEEP_BATCHES) {
      BATCHES.pollFirstEntry();
    }
    return e;
  }
}
