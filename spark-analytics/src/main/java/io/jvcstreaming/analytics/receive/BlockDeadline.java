package io.jvcstreaming.analytics.receive;

/**
 * When the receiver stores its block of posts: at the first block-interval boundary after the block's first post,
 * a margin early. Spark starts its batches on multiples of the batch interval on the wall clock, and the block
 * interval (half a batch, {@code SparkSettings}) divides it, so a block stored just before a boundary joins the
 * batch that starts there. Cut at "interval after its first post" or when the stream went quiet, a block often
 * reached the tracker just after a batch had taken its blocks and waited a whole batch more: about 1.5 s of the
 * 4.5 s median from publication to count with the defaults. Pure.
 */
final class BlockDeadline {

  /** Time for the store (and its write-ahead log write) and the block's report to the driver. */
  static final long MAX_MARGIN_MILLIS = 200;

  private BlockDeadline() {
  }

  static long marginMillis(long intervalMillis) {
    return Math.min(MAX_MARGIN_MILLIS, intervalMillis / 4);
  }

  /** The wall-clock time to store a block whose first post came at {@code firstPostMillis}: always later. */
  static long after(long firstPostMillis, long intervalMillis) {
    long margin = marginMillis(intervalMillis);
    return (Math.floorDiv(firstPostMillis + margin, intervalMillis) + 1) * intervalMillis - margin;
  }
}
