package io.jvcstreaming.analytics.jobs;

import io.jvcstreaming.analytics.config.JobConfig;
import io.jvcstreaming.analytics.report.ReportPlan;
import io.jvcstreaming.model.Post;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.streaming.api.java.JavaDStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code --job all}: every job in one streaming context, sharing one receiver (what the one-machine run uses).
 * The pseudo job is always part of the graph (the graph is frozen in the checkpoint, and pseudos may change at any
 * start); without {@code --pseudo} it counts and reports nothing.
 */
public final class AllJobs implements StreamingJob {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(AllJobs.class);

  @Override
  public String name() {
    return "all";
  }

  @Override
  public void register(JavaDStream<Post> posts, JobContext context, ReportPlan plan) {
    for (StreamingJob job : jobs(context.config())) {
      job.register(posts, context, plan);
    }
  }

  static List<StreamingJob> jobs(JobConfig config) {
    if (config.pseudos().isEmpty()) {
      LOG.info("job all: no --pseudo given, the pseudo job reports nothing (a later start may add pseudos)");
    }
    return new ArrayList<>(every());
  }

  private static List<StreamingJob> every() {
    return List.of(new StickersJob(), new AuthorsJob(), new WordsJob(), new TopicsJob(), new PseudoJob());
  }

  /**
   * The names of the reports {@code config}'s job(s) make, in report order: each count, then its trending list
   * when it has one (for the state-size gauges, registered before the graph is built or recovered).
   */
  public static List<String> reportNames(JobConfig config) {
    List<StreamingJob> jobs = config.job() == JobConfig.JobName.ALL ? every() : List.of(forName(config));
    List<String> names = new ArrayList<>();
    for (StreamingJob job : jobs) {
      names.add(job.name());
      if (job instanceof CountingJob counting && counting.trending()) {
        names.add(job.name() + "-trending");
      }
    }
    return names;
  }

  /** The job(s) behind a {@code --job} name. */
  public static StreamingJob forName(JobConfig config) {
    return switch (config.job()) {
      case STICKERS -> new StickersJob();
      case AUTHORS -> new AuthorsJob();
      case WORDS -> new WordsJob();
      case PSEUDO -> new PseudoJob();
      case TOPICS -> new TopicsJob();
      case ALL -> new AllJobs();
    };
  }
}
