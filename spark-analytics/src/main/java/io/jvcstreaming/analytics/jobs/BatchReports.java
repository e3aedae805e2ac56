package io.jvcstreaming.analytics.jobs;

import io.jvcstreaming.analytics.state.ByCountDesc;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.streaming.Time;
import scala.Tuple2;

/**
 * The one output operation of the graph ({@link ReportPlan}): a single Spark job keeps, per partition, the top N
 * of each report (what {@code takeOrdered(n, ByCountDesc)} keeps, no shuffle), collects them, and on the driver
 * sets the batch figures, then emits every report in order with its exact top N.
 */
final class BatchReports implements VoidFunction2<JavaPairRDD<Integer, Tuple2<String, Long>>, Time> {

  private static final long serialVersionUID = 1L;
  /** The tag of {@link PostTotals}' figures, {@code ("batch", n)} and {@code ("total", n)}: never cut to top N. */
  static final int TOTALS = -1;
  static final String BATCH = "batch";
  static final String TOTAL = "total";

  private final List<ReportTop> reports;
  private final int top;

  BatchReports(List<ReportTop> reports, int top) {
    this.reports = List.copyOf(reports);
    this.top = top;
  }

  @Override
  public void call(JavaPairRDD<Integer, Tuple2<String, Long>> tagged, Time time) {
    Map<Integer, List<Tuple2<String, Long>>> byTag = new HashMap<>();
    for (Tuple2<Integer, Tuple2<String, Long>> t : tagged.mapPartitions(new TopPerTag(top)).collect()) {
      byTag.computeIfAbsent(t._1(), k -> new ArrayList<>()).add(t._2());
    }
    BatchBoard.Entry entry = BatchBoard.at(time.milliseconds());
    for (Tuple2<String, Long> figure : byTag.getOrDefault(TOTALS, List.of())) {
      if (figure._1().equals(BATCH)) {
        entry.batchPosts = figure._2();
      } else if (figure._1().equals(TOTAL)) {
        entry.totalPosts = figure._2();
      }
    }
    for (int i = 0; i < reports.size(); i++) {
      List<Tuple2<String, Long>> candidates = byTag.getOrDefault(i, new ArrayList<>());
      candidates.sort(ByCountDesc.INSTANCE);
      reports.get(i).emit(candidates.subList(0, Math.min(top, candidates.size())), time.milliseconds());
    }
  }

  /** Per partition and tag, the {@code n} first by {@link ByCountDesc} (all of {@link #TOTALS}). */
  static final class TopPerTag
      implements FlatMapFunction<Iterator<Tuple2<Integer, Tuple2<String, Long>>>, Tuple2<Integer, Tuple2<String, Long>>> {
    private static final long serialVersionUID = 1L;
    private final int n;

    TopPerTag(int n) {
      this.n = n;
    }

    @Override
    public Iterator<Tuple2<Integer, Tuple2<String, Long>>> call(Iterator<Tuple2<Integer, Tuple2<String, Long>>> in) {
      Map<Integer, PriorityQueue<Tuple2<String, Long>>> kept = new HashMap<>();
      List<Tuple2<Integer, Tuple2<String, Long>>> out = new ArrayList<>();
      while (in.hasNext()) {
        Tuple2<Integer, Tuple2<String, Long>> t = in.next();
        if (t._1() == TOTALS) {
          out.add(t);
          continue;
        }
        // a heap whose head is the worst kept entry
        PriorityQueue<Tuple2<String, Long>> heap = kept.computeIfAbsent(t._1(),
            k -> new PriorityQueue<>(ByCountDesc.INSTANCE.reversed()));
        heap.add(t._2());
        if (heap.size() > n) {
          heap.poll();
        }
      }
      kept.forEach((tag, heap) -> heap.forEach(kv -> out.add(new Tuple2<>(tag, kv))));
      return out.iterator();
    }
  }
}
