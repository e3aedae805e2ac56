package io.jvcstreaming.analytics.report;

import io.jvcstreaming.analytics.receive.ReceivedRecords;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.function.PairFunction;
import org.apache.spark.streaming.api.java.JavaDStream;
import org.apache.spark.streaming.api.java.JavaPairDStream;
import scala.Tuple2;

/**
 * Collects the counts every job reports and turns them into ONE output operation, hence one Spark job per batch
 * for all the reports (see {@link BatchReports}). Why: on a 2-core machine each output operation's Spark job
 * cost a fixed 50–100 ms of scheduling whatever its size, and a job has 2 or 3 of them. Driver-side, used while
 * the graph is built; the counts are tagged with their report's index.
 */
public final class ReportPlan {

  private final ReceivedRecords received;
  private final List<ReportTop> reports = new ArrayList<>();
  private JavaPairDStream<Integer, Tuple2<String, Long>> tagged;
  private String matchesJob;

  /** {@code received}: each batch's received records, for the run's figures ({@link BatchReports}). */
  public ReportPlan(ReceivedRecords received) {
    this.received = received;
  }

  /** The batch's post count and total ({@link BatchReports#TOTALS}), read by every report's header. */
  public void totals(JavaPairDStream<Integer, Tuple2<String, Long>> figures) {
    add(figures);
  }

  /** One more report: the top N of {@code counts} each batch, in the order the reports were added. */
  public void report(ReportTop report, JavaPairDStream<String, Long> counts) {
    int tag = reports.size();
    reports.add(report);
    add(counts.mapToPair(new Tag(tag)));
  }

  /**
   * The posts {@code job}'s report prints in full this batch (the pseudo job's matches): they ride in the same
   * Spark job as the counts, each as its wire line with its seq, instead of costing a collect job of their own.
   */
  public void matches(String job, JavaDStream<MatchedPost> matched) {
    if (matchesJob != null) {
      throw new IllegalStateException("only one job prints matched posts; " + matchesJob + " already does");
    }
    matchesJob = job;
    add(matched.mapToPair(new AsMatch()));
  }

  /** Registers the one output operation. Call once, after every job. */
  public void register() {
    if (tagged != null) {
      tagged.foreachRDD(new BatchReports(reports, matchesJob, received));
    }
  }

  private void add(JavaPairDStream<Integer, Tuple2<String, Long>> stream) {
    tagged = tagged == null ? stream : tagged.union(stream);
  }

  /** A matched post to {@code (MATCHES, (wire line, seq))}. */
  static final class AsMatch implements PairFunction<MatchedPost, Integer, Tuple2<String, Long>> {
    private static final long serialVersionUID = 1L;

    @Override
    public Tuple2<Integer, Tuple2<String, Long>> call(MatchedPost match) {
      return new Tuple2<>(BatchReports.MATCHES, new Tuple2<>(match.line(), match.seq()));
    }
  }

  /** {@code (key, count)} to {@code (tag, (key, count))}. */
  static final class Tag implements PairFunction<Tuple2<String, Long>, Integer, Tuple2<String, Long>> {
    private static final long serialVersionUID = 1L;
    private final int tag;

    Tag(int tag) {
      this.tag = tag;
    }

    @Override
    public Tuple2<Integer, Tuple2<String, Long>> call(Tuple2<String, Long> keyCount) {
      return new Tuple2<>(tag, keyCount);
    }
  }
}
