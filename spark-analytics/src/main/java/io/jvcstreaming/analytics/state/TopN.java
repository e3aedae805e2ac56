package io.jvcstreaming.analytics.state;

import java.util.List;
import org.apache.spark.api.java.JavaPairRDD;
import scala.Tuple2;

/** The {@code n} biggest counts of a pair RDD, highest first (ties by key): one pass, {@code n} kept per partition. */
public final class TopN {

  private TopN() {
  }

  public static List<Tuple2<String, Long>> of(JavaPairRDD<String, Long> counts, int n) {
    return counts.takeOrdered(n, ByCountDesc.INSTANCE);
  }
}
