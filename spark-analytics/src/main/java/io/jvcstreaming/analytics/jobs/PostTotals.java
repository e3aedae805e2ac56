package io.jvcstreaming.analytics.jobs;

import io.jvcstreaming.analytics.state.RunningCount;
import io.jvcstreaming.analytics.state.Sum;
import io.jvcstreaming.model.Post;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.streaming.StateSpec;
import org.apache.spark.streaming.Time;
import org.apache.spark.streaming.api.java.JavaDStream;

/**
 * Posts in the batch and in total, for every report's header. Registered before the jobs, so its two output
 * operations run first in each batch. The total is a mapWithState count too, so it survives a driver restart.
 */
public final class PostTotals implements StreamingJob {

  private static final long serialVersionUID = 1L;

  @Override
  public String name() {
    return "posts";
  }

  @Override
  public void register(JavaDStream<Post> posts, JobContext context) {
    posts.count().foreachRDD(new RecordBatchCount());
    posts.mapToPair(new Keys.Constant()).reduceByKey(new Sum())
        .mapWithState(StateSpec.function(new RunningCount()))
        .stateSnapshots().foreachRDD(new RecordTotal());
  }

  static final class RecordBatchCount implements VoidFunction2<JavaRDD<Long>, Time> {
    private static final long serialVersionUID = 1L;

    @Override
    public void call(JavaRDD<Long> count, Time time) {
      long n = 0;
      for (Long c : count.collect()) {
        n += c;
      }
      BatchBoard.at(time.milliseconds()).batchPosts = n;
    }
  }

  static final class RecordTotal implements VoidFunction2<JavaPairRDD<String, Long>, Time> {
    private static final long serialVersionUID = 1L;

    @Override
    public void call(JavaPairRDD<String, Long> total, Time time) {
      long n = 0;
      for (Long c : total.values().collect()) {
        n += c;
      }
      BatchBoard.at(time.milliseconds()).totalPosts = n;
    }
  }
}
