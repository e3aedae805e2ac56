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
 * in the top are never expired, however long they have been idle. A 0 changes no count; a key that is not in the
 * state any more is not created by it ({@code RunningCount}), and the trending lists drop it (count 0).
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
    return pairs.union(JavaSparkContext.fromSparkContext(pairs.context()).parallelizePairs(zeros, 1));
  }
}
