package io.jvcstreaming.analytics.jobs;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import scala.Tuple2;

/**
 * Adds {@code (key, 0)} for every key of the report's latest top list to the batch's pairs (driver side, each
 * batch): a key present in a batch has its idle timeout renewed by {@code mapWithState}, so the keys people see
 * in the top are never expired, however long they have been idle. A 0 changes no count, and a key that is not in
 * the state any more is not created by it ({@code RunningCount}).
 *
 * <p>Applied to the all-time state's input only, after the per-batch reduce: the trending lists' inverse reduce
 * must never see a key whose only values are zeros (Spark fails the batch: "Neither previous window has value for
 * key"). The zeros get the batch's partitioner, so the union keeps it and mapWithState does not shuffle the batch.
 */
final class TouchTop implements Function<JavaPairRDD<String, Long>, JavaPairRDD<String, Long>> {

  private static final long serialVersionUID = 1L;
  private final String report;

  TouchTop(String report) {
    this.report = report;
  }

  @Override
  public JavaPairRDD<String, Long> call(JavaPairRDD<String, Long> pairs) {
    List<String> keys = RunSettings.lastTop(report);
    if (keys.isEmpty()) {
      return pairs;
    }
    List<Tuple2<String, Long>> zeros = new ArrayList<>(keys.size());
    for (String k : keys) {
      zeros.add(new Tuple2<>(k, 0L));
    }
    JavaPairRDD<String, Long> touch = JavaSparkContext.fromSparkContext(pairs.context()).parallelizePairs(zeros, 1);
    if (pairs.partitioner().isPresent()) {
      touch = touch.partitionBy(pairs.partitioner().get());
    }
    return pairs.union(touch);
  }
}
