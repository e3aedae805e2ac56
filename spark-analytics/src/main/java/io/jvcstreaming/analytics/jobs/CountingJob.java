package io.jvcstreaming.analytics.jobs;

import io.jvcstreaming.analytics.report.Labels;
import io.jvcstreaming.analytics.report.ReportPlan;
import io.jvcstreaming.analytics.report.ReportTop;
import io.jvcstreaming.analytics.state.CountInPartition;
import io.jvcstreaming.analytics.state.RunningCount;
import io.jvcstreaming.analytics.state.StillInWindow;
import io.jvcstreaming.analytics.state.Subtract;
import io.jvcstreaming.analytics.state.Sum;
import io.jvcstreaming.model.Post;
import org.apache.spark.HashPartitioner;
import org.apache.spark.streaming.StateSpec;
import org.apache.spark.streaming.api.java.JavaDStream;
import org.apache.spark.streaming.api.java.JavaPairDStream;

/**
 * The shape shared by the count jobs: {@code (key, 1)} pairs, reduced per batch, then
 * <ul>
 *   <li>all-time: {@code mapWithState(StateSpec.function(RunningCount).timeout(--state-idle-timeout))}, reported
 *       from the state snapshot. A key unseen for the idle timeout leaves the state (bounded over months: most
 *       words and authors are seen a few times), except the keys of the latest top list, which {@link TouchTop}
 *       keeps alive;</li>
 *   <li>trending (optional): {@code reduceByKeyAndWindow} with the inverse function over {@code --window},
 *       sliding every batch, keys whose count falls to 0 dropped ({@link StillInWindow}); each windowed count then
 *       meets the key's all-time count ({@link RiseScores}) and the list ranks by {@link Rise}, not by the raw
 *       window count; reported as {@code <name>-trending}. The window is chosen over mapWithState with timeouts:
 *       it is exact (a timeout evicts a key idle for the window, it does not forget old occurrences of an active
 *       key) and costs per batch only the batch entering and the batch leaving the window.</li>
 * </ul>
 */
abstract class CountingJob implements StreamingJob {

  private static final long serialVersionUID = 1L;
  /** Spark's own default for mapWithState (DEFAULT_CHECKPOINT_DURATION_MULTIPLIER). */
  static final int CHECKPOINT_EVERY_BATCHES = 10;

  /** The {@code (key, 1)} pairs of this count. */
  abstract JavaPairDStream<String, Long> pairs(JavaDStream<Post> posts, JobContext context);

  abstract Labels labels();

  abstract boolean trending();

  @Override
  public void register(JavaDStream<Post> posts, JobContext context, ReportPlan plan) {
    JavaPairDStream<String, Long> perBatch = pairs(posts, context).transformToPair(new CountInPartition())
        .reduceByKey(new Sum());
    int partitions = posts.context().sparkContext().defaultParallelism();
    // The partitioner mapWithState takes by default, named so the trending window can be partitioned alike.
    JavaPairDStream<String, Long> allTime = perBatch.transformToPair(new TouchTop(name()))
        .mapWithState(StateSpec.function(new RunningCount()).timeout(context.stateIdleTimeout())
            .partitioner(new HashPartitioner(partitions)))
        .stateSnapshots();
    plan.report(new ReportTop(name(), labels(), 0, false), allTime);
    if (trending()) {
      JavaPairDStream<String, Long> windowed = perBatch.reduceByKeyAndWindow(new Sum(), new Subtract(),
          context.window(), context.batch(), partitions, new StillInWindow());
      // Spark checkpoints a windowed stream every ~10 s (every 4th 3 s batch, one more Spark job each time); every
      // 10 batches, like mapWithState, keeps the lineage as short and costs a checkpoint job 2.5x less often.
      windowed.checkpoint(context.batch().times(CHECKPOINT_EVERY_BATCHES));
      plan.report(new ReportTop(name() + "-trending", labels(), context.config().windowMillis(), false),
          windowed.transformWithToPair(allTime, new RiseScores(partitions)));
    }
  }
}
