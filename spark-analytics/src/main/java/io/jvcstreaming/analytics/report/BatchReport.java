package io.jvcstreaming.analytics.report;

import java.util.List;

/**
 * What one job prints for one batch.
 *
 * @param job        {@code stickers}, {@code authors}, {@code words}, {@code pseudo}, {@code topics} or {@code <name>-trending}
 * @param batchTime  the batch time, epoch millis
 * @param batchPosts posts received in this batch
 * @param totalPosts posts received since the job started (survives driver restarts)
 * @param windowMillis the window of a trending list, 0 for an all-time list
 * @param rows       the top list, highest first
 * @param matches    the posts printed in full (pseudo job), oldest first; empty otherwise
 * @param keys       how many keys the count holds (its state, or its window for a trending list); -1 unknown
 */
record BatchReport(String job, long batchTime, long batchPosts, long totalPosts, long windowMillis,
                          List<ReportRow> rows, List<MatchedPost> matches, long keys) {
  public BatchReport {
    rows = List.copyOf(rows);
    matches = matches == null ? List.of() : List.copyOf(matches);
  }

  public BatchReport(String job, long batchTime, long batchPosts, long totalPosts, long windowMillis,
                     List<ReportRow> rows, List<MatchedPost> matches) {
    this(job, batchTime, batchPosts, totalPosts, windowMillis, rows, matches, -1);
  }
}
