package io.jvcstreaming.analytics.jobs;

import io.jvcstreaming.analytics.report.BatchReport;
import io.jvcstreaming.analytics.report.ReportRow;
import io.jvcstreaming.analytics.report.TableFormatter;
import io.jvcstreaming.model.Post;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import scala.Tuple2;

/** One report of a count: its top N, with the batch's figures, to the {@code Emitter}. Driver-side. */
final class ReportTop implements Serializable {

  private static final long serialVersionUID = 2L;

  private final String job;
  private final JobContext context;
  private final Labels labels;
  private final long windowMillis;
  private final boolean withMatches;
  /** The previous batch's ranks (Δ column); starts empty again after a driver restart. */
  private transient Map<String, Integer> previousRanks;

  ReportTop(String job, JobContext context, Labels labels, long windowMillis, boolean withMatches) {
    this.job = job;
    this.context = context;
    this.labels = labels;
    this.windowMillis = windowMillis;
    this.withMatches = withMatches;
  }

  /** Emits the report of batch {@code batchTime}; {@code top} is the top N, highest first. */
  void emit(List<Tuple2<String, Long>> top, long batchTime) {
    List<ReportRow> rows = new ArrayList<>(top.size());
    for (Tuple2<String, Long> kv : top) {
      rows.add(labels.row(kv._1(), kv._2()));
    }
    BatchBoard.Entry batch = BatchBoard.at(batchTime);
    List<Post> matches = withMatches ? batch.matches.remove(job) : null;
    BatchReport report = new BatchReport(job, batchTime, batch.batchPosts, batch.totalPosts, windowMillis, rows,
        matches);
    context.emitter().emit(report, previousRanks);
    previousRanks = TableFormatter.ranks(rows);
  }
}
