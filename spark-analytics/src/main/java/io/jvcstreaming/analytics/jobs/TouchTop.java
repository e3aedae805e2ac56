package io.jvcstreaming.analytics.jobs;

import io.jvcstreaming.analytics.report.RunSettings;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.Partitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function2;
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
 * key"). Each zero is appended to the partition its key hashes to, keeping the batch's partitioner: no shuffle,
 * no extra stage, and mapWithState does not repartition the batch.
 */
final class TouchTop implements Function<JavaPairRDD<String, Long>, JavaPairRDD<String, Long>> {

  private static final long serialVersionUID = 2L;
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
    if (!pairs.partitioner().isPresent()) {
      List<Tuple2<String, Long>> zeros = new ArrayList<>(keys.size());
      keys.forEach(k -> zeros.add(new Tuple2<>(k, 0L)));
      return pairs.union(JavaSparkContext.fromSparkContext(pairs.context()).parallelizePairs(zeros, 1));
    }
    return JavaPairRDD.fromJavaRDD(
        pairs.mapPartitionsWithIndex(new AppendZeros(keys, pairs.partitioner().get()), true));
  }

  /** Appends {@code (key, 0)} to partition i for the keys the partitioner puts in partition i. */
  static final class AppendZeros
      implements Function2<Integer, Iterator<Tuple2<String, Long>>, Iterator<Tuple2<String, Long>>> {
    private static final long serialVersionUID = 1L;
    private final List<String> keys;
    private final Partitioner partitioner;

    AppendZeros(List<String> keys, Partitioner partitioner) {
      this.keys = List.copyOf(keys);
      this.partitioner = partitioner;
    }

    @Override
    public Iterator<Tuple2<String, Long>> call(Integer partition, Iterator<Tuple2<String, Long>> batch) {
      List<Tuple2<String, Long>> zeros = new ArrayList<>();
      for (String k : keys) {
        if (partitioner.getPartition(k) == partition) {
          zeros.add(new Tuple2<>(k, 0L));
        }
      }
      if (zeros.isEmpty()) {
        return batch;
      }
      Iterator<Tuple2<String, Long>> tail = zeros.iterator();
      return new Iterator<>() {
        @Override
        public boolean hasNext() {
          return batch.hasNext() || tail.hasNext();
        }

        @Override
        public Tuple2<String, Long> next() {
          return batch.hasNext() ? batch.next() : tail.next();
        }
      };
    }
  }
}
