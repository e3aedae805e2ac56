package io.jvcstreaming.analytics.state;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.api.java.function.PairFlatMapFunction;
import scala.Tuple2;

/**
 * Sums each key's counts inside its partition before the {@code reduceByKey}: one record per distinct key of a
 * received block goes to Spark's shuffle sorter instead of one per occurrence. The sorter's map-side combine does
 * the same sum, but keeps sampling its map's size for spilling, which cost more than the counting itself.
 */
public final class CountInPartition implements Function<JavaPairRDD<String, Long>, JavaPairRDD<String, Long>> {

  private static final long serialVersionUID = 1L;

  @Override
  public JavaPairRDD<String, Long> call(JavaPairRDD<String, Long> pairs) {
    return pairs.mapPartitionsToPair(new Summed());
  }

  static final class Summed implements PairFlatMapFunction<Iterator<Tuple2<String, Long>>, String, Long> {
    private static final long serialVersionUID = 1L;

    @Override
    public Iterator<Tuple2<String, Long>> call(Iterator<Tuple2<String, Long>> pairs) {
      Map<String, long[]> sums = new HashMap<>();
      pairs.forEachRemaining(kv -> sums.computeIfAbsent(kv._1(), k -> new long[1])[0] += kv._2());
      List<Tuple2<String, Long>> out = new ArrayList<>(sums.size());
      sums.forEach((key, sum) -> out.add(new Tuple2<>(key, sum[0])));
      return out.iterator();
    }
  }
}
