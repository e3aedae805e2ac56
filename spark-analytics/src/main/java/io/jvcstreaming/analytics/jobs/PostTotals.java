package io.jvcstreaming.analytics.jobs;

import io.jvcstreaming.analytics.report.BatchReports;
import io.jvcstreaming.analytics.report.ReportPlan;
import io.jvcstreaming.analytics.state.BatchAndTotal;
import io.jvcstreaming.analytics.state.Sum;
import io.jvcstreaming.model.Post;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.api.java.function.PairFlatMapFunction;
import org.apache.spark.streaming.StateSpec;
import org.apache.spark.streaming.api.java.JavaDStream;
import scala.Tuple2;

/**
 * Posts in the batch and in total, for every report's header ({@link BatchReports} reads them before it emits).
 * The total is a mapWithState count, so it survives a driver restart.
 *
 * <p>{@code ("posts", 1)} per post plus one {@code ("posts", 0)}, reduced, then {@link BatchAndTotal} emits the
 * batch count and the new total together: no separate count job.
 */
public final class PostTotals implements StreamingJob {

  private static final long serialVersionUID = 1L;
  static final String KEY = "posts";

  @Override
  public String name() {
    return KEY;
  }

  @Override
  public void register(JavaDStream<Post> posts, JobContext context, ReportPlan plan) {
    plan.totals(posts.mapToPair(new Keys.Constant())
        .transformToPair(new WithZero())
        .reduceByKey(new Sum())
        .mapWithState(StateSpec.function(new BatchAndTotal()))
        .flatMapToPair(new AsFigures()));
  }

  /** Adds {@code ("posts", 0)}: the key is then in every batch, and the state emits the total even when no post came. */
  static final class WithZero implements Function<JavaPairRDD<String, Long>, JavaPairRDD<String, Long>> {
    private static final long serialVersionUID = 1L;

    @Override
    public JavaPairRDD<String, Long> call(JavaPairRDD<String, Long> ones) {
      JavaSparkContext sc = JavaSparkContext.fromSparkContext(ones.context());
      return ones.union(sc.parallelizePairs(List.of(new Tuple2<>(KEY, 0L)), 1));
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
