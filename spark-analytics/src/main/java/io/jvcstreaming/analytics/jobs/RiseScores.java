package io.jvcstreaming.analytics.jobs;

import io.jvcstreaming.analytics.state.Rise;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.HashPartitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.function.FlatMapFunction2;
import org.apache.spark.api.java.function.Function3;
import org.apache.spark.streaming.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.Tuple2;

/**
 * Each batch, the windowed counts with their all-time counts, as {@code (key, Rise.pack(score, recent))} for the
 * keys {@link Rise#listed}. The two sides are hash-partitioned alike ({@link CountingJob} gives the state and the
 * window the same {@link HashPartitioner}), so partition i of one meets partition i of the other: no shuffle, and
 * only the window's listed keys are held in memory while the state's partition streams past. (A join would do the
 * same work, but the state snapshot RDD no longer declares its partitioner, so Spark would shuffle the whole
 * state every batch.) If the partitionings ever differ, it falls back to that join: slower, same result.
 */
final class RiseScores implements
    Function3<JavaPairRDD<String, Long>, JavaPairRDD<String, Long>, Time, JavaPairRDD<String, Long>> {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(RiseScores.class);
  private final int partitions;
  private transient boolean warned;

  RiseScores(int partitions) {
    this.partitions = partitions;
  }

  @Override
  public JavaPairRDD<String, Long> call(JavaPairRDD<String, Long> window, JavaPairRDD<String, Long> allTime,
                                        Time time) {
    boolean aligned = window.partitioner().isPresent()
        && window.partitioner().get().equals(new HashPartitioner(partitions))
        && window.getNumPartitions() == partitions && allTime.getNumPartitions() == partitions;
    if (aligned) {
      return JavaPairRDD.fromJavaRDD(window.zipPartitions(allTime, new Meet()));
    }
    if (!warned) {
      warned = true;
      LOG.warn("trending: window ({} partitions, {}) and all-time state ({} partitions) are not partitioned alike; "
          + "joining them instead (a shuffle of the state every batch)", window.getNumPartitions(),
          window.partitioner().orNull(), allTime.getNumPartitions());
    }
    return JavaPairRDD.fromJavaRDD(window.filter(kv -> Rise.listed(kv._2()))
        .leftOuterJoin(allTime)
        .map(kv -> scored(kv._1(), kv._2()._1(), kv._2()._2().orElse(kv._2()._1()))));
  }

  static Tuple2<String, Long> scored(String key, long recent, long allTime) {
    return new Tuple2<>(key, Rise.pack(Rise.score(recent, allTime), recent));
  }

  /** One partition of the window against the same partition of the all-time state. */
  static final class Meet
      implements FlatMapFunction2<Iterator<Tuple2<String, Long>>, Iterator<Tuple2<String, Long>>, Tuple2<String, Long>> {
    private static final long serialVersionUID = 1L;

    @Override
    public Iterator<Tuple2<String, Long>> call(Iterator<Tuple2<String, Long>> window,
                                               Iterator<Tuple2<String, Long>> allTime) {
      Map<String, Long> recent = new HashMap<>();
      window.forEachRemaining(kv -> {
        if (Rise.listed(kv._2())) {
          recent.put(kv._1(), kv._2());
        }
      });
      List<Tuple2<String, Long>> out = new ArrayList<>(recent.size());
      if (recent.isEmpty()) {
        return out.iterator();
      }
      while (allTime.hasNext() && !recent.isEmpty()) {
        Tuple2<String, Long> kv = allTime.next();
        Long r = recent.remove(kv._1());
        if (r != null) {
          out.add(scored(kv._1(), r, kv._2()));
        }
      }
      // Not in the state (evicted, or not there yet): the window is all we know of it.
      recent.forEach((k, r) -> out.add(scored(k, r, r)));
      return out.iterator();
    }
  }
}
