package io.jvcstreaming.analytics.report;

import io.jvcstreaming.analytics.metrics.JobMetrics;
import io.jvcstreaming.analytics.receive.ReceivedRecords;
import io.jvcstreaming.analytics.state.ByCountDesc;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.streaming.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.Tuple2;

/**
 * The one output operation of the graph ({@link ReportPlan}): a single Spark job keeps, per partition, the top N
 * of each report (what {@code takeOrdered(n, ByCountDesc)} keeps, no shuffle) and counts its keys, collects them,
 * and on the driver sets the batch figures, then emits every report in order with its exact top N and its number
 * of keys (the state size, also logged every {@value #LOG_SIZES_EVERY} batches). N is this run's {@code --top}.
 * The run's figures ({@link JobMetrics}) take the batch from here, with the records it received: the last output
 * operation of the batch, so what it reported is what the batch did.
 */
public final class BatchReports implements VoidFunction2<JavaPairRDD<Integer, Tuple2<String, Long>>, Time> {

  private static final long serialVersionUID = 2L;
  private static final Logger LOG = LoggerFactory.getLogger(BatchReports.class);
  static final int LOG_SIZES_EVERY = 20;
  private static final AtomicLong BATCHES = new AtomicLong();
  /** The tag of {@link io.jvcstreaming.analytics.jobs.PostTotals}' figures, {@code ("batch", n)} and {@code ("total", n)}: never cut to top N. */
  public static final int TOTALS = -1;
  /** The tag of the matched posts ({@link ReportPlan#matches}), {@code (wire line, seq)}: never cut to top N. */
  static final int MATCHES = Integer.MIN_VALUE;
  public static final String BATCH = "batch";
  public static final String TOTAL = "total";
  static final String KEYS = "keys";

  private final List<ReportTop> reports;
  /** The job whose report prints the matched posts, or null. */
  private final String matchesJob;
  private final ReceivedRecords received;

  BatchReports(List<ReportTop> reports, String matchesJob, ReceivedRecords received) {
    this.reports = List.copyOf(reports);
    this.matchesJob = matchesJob;
    this.received = received;
  }

  /** The tag under which {@link TopPerTag} counts the keys of report {@code tag}: -2, -3, ... */
  static int sizeTag(int tag) {
    return -2 - tag;
  }

  @Override
  public void call(JavaPairRDD<Integer, Tuple2<String, Long>> tagged, Time time) {
    int top = RunSettings.current().top();
    Map<Integer, List<Tuple2<String, Long>>> byTag = new HashMap<>();
    Map<Integer, Long> sizes = new HashMap<>();
    List<MatchedPost> matched = new ArrayList<>();
    // one task per core that processes, not one per report and partition: each task costs a fixed 10-20 ms
    int tasks = Math.max(1, Math.min(tagged.getNumPartitions(), tagged.context().defaultParallelism()));
    for (Tuple2<Integer, Tuple2<String, Long>> t : tagged.coalesce(tasks).mapPartitions(new TopPerTag(top)).collect()) {
      if (t._1() == MATCHES) {
        matched.add(new MatchedPost(t._2()._1(), t._2()._2()));
      } else if (t._1() < TOTALS) {
        sizes.merge(t._1(), t._2()._2(), Long::sum);
      } else {
        byTag.computeIfAbsent(t._1(), k -> new ArrayList<>()).add(t._2());
      }
    }
    BatchBoard.Entry entry = BatchBoard.at(time.milliseconds());
    if (matchesJob != null) {
      matched.sort(Comparator.comparingLong(MatchedPost::seq));
      entry.matches.put(matchesJob, matched);
    }
    for (Tuple2<String, Long> figure : byTag.getOrDefault(TOTALS, List.of())) {
      if (figure._1().equals(BATCH)) {
        entry.batchPosts = figure._2();
      } else if (figure._1().equals(TOTAL)) {
        entry.totalPosts = figure._2();
      }
    }
    Map<String, Long> keysPerCount = new LinkedHashMap<>();
    for (int i = 0; i < reports.size(); i++) {
      keysPerCount.put(reports.get(i).job(), sizes.getOrDefault(sizeTag(i), 0L));
    }
    JobMetrics.current().batchReported(time.milliseconds(), received.ofBatch(time), entry.batchPosts, entry.totalPosts,
        keysPerCount);
    for (int i = 0; i < reports.size(); i++) {
      List<Tuple2<String, Long>> candidates = byTag.getOrDefault(i, new ArrayList<>());
      candidates.sort(ByCountDesc.INSTANCE);
      reports.get(i).emit(candidates.subList(0, Math.min(top, candidates.size())), time.milliseconds(),
          sizes.getOrDefault(sizeTag(i), 0L));
    }
    if (BATCHES.getAndIncrement() % LOG_SIZES_EVERY == 0) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < reports.size(); i++) {
        line.append(i == 0 ? "" : ", ").append(reports.get(i).job()).append('=')
            .append(sizes.getOrDefault(sizeTag(i), 0L));
      }
      LOG.info("keys held per count (state size): {}", line);
    }
  }

  /**
   * Per partition and tag, the {@code n} first by {@link ByCountDesc} (all of {@link #TOTALS}), plus
   * {@code (sizeTag(tag), (KEYS, number of records))} per tag.
   */
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
      Map<Integer, Long> counted = new HashMap<>();
      List<Tuple2<Integer, Tuple2<String, Long>>> out = new ArrayList<>();
      while (in.hasNext()) {
        Tuple2<Integer, Tuple2<String, Long>> t = in.next();
        if (t._1() == TOTALS || t._1() == MATCHES) {
          out.add(t);
          continue;
        }
        counted.merge(t._1(), 1L, Long::sum);
        // a heap whose head is the worst kept entry
        PriorityQueue<Tuple2<String, Long>> heap = kept.computeIfAbsent(t._1(),
            k -> new PriorityQueue<>(ByCountDesc.INSTANCE.reversed()));
        heap.add(t._2());
        if (heap.size() > n) {
          heap.poll();
        }
      }
      kept.forEach((tag, heap) -> heap.forEach(kv -> out.add(new Tuple2<>(tag, kv))));
      counted.forEach((tag, keys) -> out.add(new Tuple2<>(sizeTag(tag), new Tuple2<>(KEYS, keys))));
      return out.iterator();
    }
  }
}
