package io.jvcstreaming.analytics.jobs;

import io.jvcstreaming.analytics.state.RunningCount;
import io.jvcstreaming.analytics.state.Sum;
import io.jvcstreaming.model.Post;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.streaming.StateSpec;
import org.apache.spark.streaming.Time;
import org.apache.spark.streaming.api.java.JavaDStream;

/**
 * {@code --job pseudo --pseudo a,b}: every post of the given pseudos (case-insensitive) printed in full as it
 * arrives, oldest first, then their running post counts (keyed by the lower-cased pseudo).
 */
public final class PseudoJob implements StreamingJob {

  private static final long serialVersionUID = 1L;

  @Override
  public String name() {
    return "pseudo";
  }

  @Override
  public void register(JavaDStream<Post> posts, JobContext context, ReportPlan plan) {
    JavaDStream<Post> theirs = posts.filter(new Keys.AuthorIn(context.config().pseudos()));
    theirs.foreachRDD(new RecordMatches(name())); // an output operation of its own, before the plan's reports
    plan.report(new ReportTop(name(), context, Labels.PLAIN, 0, true),
        theirs.mapToPair(new Keys.LowerAuthor()).reduceByKey(new Sum())
            .mapWithState(StateSpec.function(new RunningCount()))
            .stateSnapshots());
  }

  /** Collects the batch's matching posts to the driver, for the report that follows. */
  static final class RecordMatches implements VoidFunction2<JavaRDD<Post>, Time> {
    private static final long serialVersionUID = 1L;
    private final String job;

    RecordMatches(String job) {
      this.job = job;
    }

    @Override
    public void call(JavaRDD<Post> matches, Time time) {
      List<Post> posts = new ArrayList<>(matches.collect());
      posts.sort(Comparator.comparingLong(Post::seq));
      BatchBoard.at(time.milliseconds()).matches.put(job, posts);
    }
  }
}
