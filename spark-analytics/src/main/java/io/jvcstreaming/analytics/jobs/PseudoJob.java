package io.jvcstreaming.analytics.jobs;

import io.jvcstreaming.analytics.report.Labels;
import io.jvcstreaming.analytics.report.ReportPlan;
import io.jvcstreaming.analytics.report.ReportTop;
import io.jvcstreaming.analytics.report.RunSettings;
import io.jvcstreaming.analytics.state.CountInPartition;
import io.jvcstreaming.analytics.state.RunningCount;
import io.jvcstreaming.analytics.state.Sum;
import io.jvcstreaming.model.Post;
import java.util.Set;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.streaming.StateSpec;
import org.apache.spark.streaming.api.java.JavaDStream;

/**
 * {@code --job pseudo --pseudo a,b}: every post of the given pseudos (case-insensitive) printed in full as it
 * arrives, oldest first, then their running post counts (keyed by the lower-cased pseudo). The pseudos are read
 * at each batch ({@link RunSettings}), so a restart with other pseudos follows them at once.
 *
 * <p>The state counts every author (lower-cased), and only the report keeps the pseudos followed now: a pseudo
 * followed from this start on shows its whole count since the checkpoint began, exactly as the authors job would.
 * Why not count only the followed pseudos: a recovered driver recomputes the batches after the last state
 * checkpoint with the new pseudos, so a newly followed pseudo would get some of its earlier posts and not others.
 */
final class PseudoJob implements StreamingJob {

  private static final long serialVersionUID = 1L;

  @Override
  public String name() {
    return "pseudo";
  }

  @Override
  public void register(JavaDStream<Post> posts, JobContext context, ReportPlan plan) {
    plan.matches(name(), posts.transform(new OfCurrentPseudos()));
    plan.report(new ReportTop(name(), Labels.PLAIN, 0, true),
        posts.mapToPair(new Keys.LowerAuthor()).transformToPair(new CountInPartition()).reduceByKey(new Sum()).transformToPair(new TouchTop(name()))
            .mapWithState(StateSpec.function(new RunningCount()).timeout(context.stateIdleTimeout()))
            .stateSnapshots()
            .transformToPair(new CountsOfCurrentPseudos()));
  }

  /** The batch's posts by a pseudo followed in this run (read on the driver at each batch). */
  static final class OfCurrentPseudos implements Function<JavaRDD<Post>, JavaRDD<Post>> {
    private static final long serialVersionUID = 1L;

    @Override
    public JavaRDD<Post> call(JavaRDD<Post> posts) {
      return posts.filter(new Keys.AuthorIn(RunSettings.current().pseudos()));
    }
  }

  /** The state's counts of the pseudos followed in this run. */
  static final class CountsOfCurrentPseudos
      implements Function<JavaPairRDD<String, Long>, JavaPairRDD<String, Long>> {
    private static final long serialVersionUID = 1L;

    @Override
    public JavaPairRDD<String, Long> call(JavaPairRDD<String, Long> counts) {
      Set<String> pseudos = RunSettings.current().pseudos();
      return counts.filter(new Keys.KeyIn(pseudos));
    }
  }
}
