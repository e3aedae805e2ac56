package io.jvcstreaming.analytics.jobs;

import io.jvcstreaming.analytics.report.Labels;
import io.jvcstreaming.analytics.report.MatchedPost;
import io.jvcstreaming.analytics.report.ReportPlan;
import io.jvcstreaming.analytics.report.ReportTop;
import io.jvcstreaming.analytics.report.RunSettings;
import io.jvcstreaming.analytics.state.RunningCount;
import io.jvcstreaming.analytics.state.Sum;
import io.jvcstreaming.model.Post;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.api.java.function.PairFlatMapFunction;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.streaming.StateSpec;
import org.apache.spark.streaming.api.java.JavaDStream;
import scala.Tuple2;

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
    // kept for the batch's one Spark job, whose count shuffle and report collect both read it
    JavaDStream<AuthorsAndMatches> read = posts.transform(new ReadForCurrentPseudos()).persist(StorageLevel.MEMORY_ONLY());
    plan.matches(name(), read.flatMap(new Matches()));
    plan.report(new ReportTop(name(), Labels.PLAIN, 0, true),
        read.flatMapToPair(new Counts()).reduceByKey(new Sum()).transformToPair(new TouchTop(name()))
            .mapWithState(StateSpec.function(new RunningCount()).timeout(context.stateIdleTimeout()))
            .stateSnapshots()
            .transformToPair(new CountsOfCurrentPseudos()));
  }

  /** Each partition's posts read once, matched against the pseudos followed in this run (read on the driver). */
  static final class ReadForCurrentPseudos implements Function<JavaRDD<Post>, JavaRDD<AuthorsAndMatches>> {
    private static final long serialVersionUID = 1L;

    @Override
    public JavaRDD<AuthorsAndMatches> call(JavaRDD<Post> posts) {
      return posts.mapPartitions(new InPartition(RunSettings.current().pseudos()), true);
    }
  }

  static final class InPartition implements FlatMapFunction<Iterator<Post>, AuthorsAndMatches> {
    private static final long serialVersionUID = 1L;
    private final Set<String> pseudos;

    InPartition(Set<String> pseudos) {
      this.pseudos = Set.copyOf(pseudos);
    }

    @Override
    public Iterator<AuthorsAndMatches> call(Iterator<Post> posts) {
      return List.of(AuthorsAndMatches.of(posts, pseudos)).iterator();
    }
  }

  static final class Counts implements PairFlatMapFunction<AuthorsAndMatches, String, Long> {
    private static final long serialVersionUID = 1L;

    @Override
    public Iterator<Tuple2<String, Long>> call(AuthorsAndMatches read) {
      return read.counts();
    }
  }

  static final class Matches implements FlatMapFunction<AuthorsAndMatches, MatchedPost> {
    private static final long serialVersionUID = 1L;

    @Override
    public Iterator<MatchedPost> call(AuthorsAndMatches read) {
      return read.matches();
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
