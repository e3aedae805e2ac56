package io.jvcstreaming.analytics.jobs;

import io.jvcstreaming.analytics.config.JobConfig;
import io.jvcstreaming.model.Post;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.streaming.api.java.JavaDStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code --job all}: every job in one streaming context, sharing one receiver (what the one-machine run uses).
 * The pseudo job is included only when pseudos are configured.
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
    List<StreamingJob> jobs = new ArrayList<>(List.of(new StickersJob(), new AuthorsJob(), new WordsJob(),
        new TopicsJob()));
    if (config.pseudos().isEmpty()) {
      LOG.info("job all: no --pseudo given, the pseudo job is left out");
    } else {
      jobs.add(new PseudoJob());
    }
    return jobs;
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
