package io.jvcstreaming.analytics.report;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Driver-side notes of one batch: how many posts the batch had, the running total, the pseudo job's matched
 * posts. {@link BatchReports} sets them from the batch's one collect, then emits the reports, which read them.
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
    public final ConcurrentHashMap<String, List<MatchedPost>> matches = new ConcurrentHashMap<>();
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
