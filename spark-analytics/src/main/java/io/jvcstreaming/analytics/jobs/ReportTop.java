package io.jvcstreaming.analytics.jobs;

import io.jvcstreaming.analytics.report.BatchReport;
import io.jvcstreaming.analytics.report.ReportRow;
import io.jvcstreaming.analytics.report.TableFormatter;
import io.jvcstreaming.analytics.state.TopN;
import io.jvcstreaming.model.Post;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.streaming.Time;
import scala.Tuple2;

/** The output operation of a count: the top N of the counts, with the batch's figures, to the {@code Emitter}. Driver-side. */
final class ReportTop implements VoidFunction2<JavaPairRDD<String, Long>, Time> {

  private static final long serialVersionUID = 1L;

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

  @Override
  public void call(JavaPairRDD<String, Long> counts, Time time) {
    List<Tuple2<String, Long>> top = TopN.of(counts, context.config().top());
    List<ReportRow> rows = new ArrayList<>(top.size());
    for (Tuple2<String, Long> kv : top) {
      rows.add(labels.row(kv._1(), kv._2()));
    }
    BatchBoard.Entry batch = BatchBoard.at(time.milliseconds());
    List<Post> matches = withMatches ? batch.matches.remove(job) : null;
    BatchReport report = new BatchReport(job, time.milliseconds(), batch.batchPosts, batch.totalPosts, windowMillis,
        rows, matches);
    context.emitter().emit(report, previousRanks);
    previousRanks = TableFormatter.ranks(rows);
  }
}
