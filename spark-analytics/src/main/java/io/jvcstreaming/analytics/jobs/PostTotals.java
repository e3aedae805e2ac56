package io.jvcstreaming.analytics.jobs;

import io.jvcstreaming.analytics.report.BatchReports;
import io.jvcstreaming.analytics.report.ReportPlan;
import io.jvcstreaming.analytics.state.BatchAndTotal;
import io.jvcstreaming.analytics.state.KeepNewPosts;
import io.jvcstreaming.analytics.state.Passes;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.HashPartitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.api.java.function.PairFlatMapFunction;
import org.apache.spark.streaming.StateSpec;
import org.apache.spark.streaming.api.java.JavaDStream;
import scala.Tuple2;

/**
 * Posts in the batch and in total, for every report's header ({@link BatchReports} reads them before it emits).
 * The total is a mapWithState count, so it survives a driver restart.
 *
 * <p>Counted from the batch's {@link Passes} (how many posts of each topic count, {@link KeepNewPosts}), not by
 * reading the posts once more: one {@code ("posts", n)} per batch, a 0 when nothing came, so the state emits the
 * total every batch; then {@link BatchAndTotal} emits the batch count and the new total together.
 */
public final class PostTotals {

  static final String KEY = "posts";

  private PostTotals() {
  }

  public static void register(JavaDStream<Passes> passes, ReportPlan plan) {
    plan.totals(passes.transformToPair(new CountedInBatch())
        .mapWithState(StateSpec.function(new BatchAndTotal()).partitioner(new HashPartitioner(1)))
        .flatMapToPair(new AsFigures()));
  }

  /** The batch's passes, summed in one partition: exactly one {@code ("posts", n)}, even for an empty batch. */
  static final class CountedInBatch implements Function<JavaRDD<Passes>, JavaPairRDD<String, Long>> {
    private static final long serialVersionUID = 1L;

    @Override
    public JavaPairRDD<String, Long> call(JavaRDD<Passes> passes) {
      return JavaPairRDD.fromJavaRDD(passes.coalesce(1).mapPartitions(new Sum()));
    }
  }

  static final class Sum implements FlatMapFunction<Iterator<Passes>, Tuple2<String, Long>> {
    private static final long serialVersionUID = 1L;

    @Override
    public Iterator<Tuple2<String, Long>> call(Iterator<Passes> passes) {
      long n = 0;
      while (passes.hasNext()) {
        n += passes.next().size();
      }
      return List.of(new Tuple2<>(KEY, n)).iterator();
    }
  }

  /** {@code (batch, total)} to the two figures {@link BatchReports} reads, under its {@link BatchReports#TOTALS} tag. */
  static final class AsFigures
      implements PairFlatMapFunction<Tuple2<Long, Long>, Integer, Tuple2<String, Long>> {
    private static final long serialVersionUID = 1L;

    @Override
    public Iterator<Tuple2<Integer, Tuple2<String, Long>>> call(Tuple2<Long, Long> batchAndTotal) {
      return List.of(new Tuple2<>(BatchReports.TOTALS, new Tuple2<>(BatchReports.BATCH, batchAndTotal._1())),
          new Tuple2<>(BatchReports.TOTALS, new Tuple2<>(BatchReports.TOTAL, batchAndTotal._2()))).iterator();
    }
  }
}
