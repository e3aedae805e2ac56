package io.jvcstreaming.analytics;

import io.jvcstreaming.analytics.config.JobConfig;
import io.jvcstreaming.analytics.config.JobConfigLoader;
import io.jvcstreaming.analytics.jobs.AllJobs;
import io.jvcstreaming.analytics.jobs.JobContext;
import io.jvcstreaming.analytics.jobs.PostTotals;
import io.jvcstreaming.analytics.jobs.ReportPlan;
import io.jvcstreaming.analytics.receive.NdjsonReceiver;
import io.jvcstreaming.analytics.report.Emitter;
import io.jvcstreaming.model.Post;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.streaming.Durations;
import org.apache.spark.streaming.api.java.JavaDStream;
import org.apache.spark.streaming.api.java.JavaStreamingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one entry point of the Spark jobs: {@code --job stickers|authors|words|pseudo|topics|all} (see
 * {@link JobConfigLoader#USAGE} for every option and its environment variable).
 *
 * <ul>
 *   <li>{@code java -jar spark-analytics.jar --job all}: Spark local mode ({@code local[2]}: one core for the
 *       receiver, one for processing) when no {@code spark.master} is set; the manifest opens the JDK packages
 *       Spark needs and points at {@code lib/} for Spark's jars.</li>
 *   <li>{@code spark-submit --class io.jvcstreaming.analytics.AnalyticsMain spark-analytics.jar --job words}:
 *       master, Java 17 flags and jars come from spark-submit.</li>
 * </ul>
 *
 * <p>Exit codes: 0 after a stop (SIGTERM or Ctrl-C stops the streaming context gracefully, see
 * {@link StopOnSignal}), 1 when the job fails (so the
 * Spark Operator sees a failure and restarts the driver), 2 for invalid options. A restarted driver resumes its
 * counts from {@code --checkpoint-dir} ({@link JavaStreamingContext#getOrCreate}).
 */
public final class AnalyticsMain {

  private static final Logger LOG = LoggerFactory.getLogger(AnalyticsMain.class);

  private AnalyticsMain() {
  }

  public static void main(String[] args) {
    // Spark's Java 17 list ends with this system property; it cannot go in a manifest (no-op on JDK 17 itself).
    if (System.getProperty("jdk.reflect.useDirectMethodHandle") == null) {
      System.setProperty("jdk.reflect.useDirectMethodHandle", "false");
    }
    if (JobConfigLoader.wantsHelp(args)) {
      System.out.print(JobConfigLoader.USAGE);
      System.exit(0);
    }
    JobConfig config;
    try {
      config = JobConfigLoader.load(args, System.getenv());
    } catch (IllegalArgumentException e) {
      System.err.println("error: " + e.getMessage());
      System.err.print(JobConfigLoader.USAGE);
      System.exit(2);
      return;
    }
    int code;
    try {
      run(config);
      code = 0;
    } catch (Throwable t) {
      LOG.error("analytics job '{}' failed; exiting with code 1", config.job().cliName(), t);
      code = 1;
    }
    System.exit(code);
  }

  /** Starts (or recovers) the context and blocks until it stops. Throws if the streaming job fails. */
  static void run(JobConfig config) throws InterruptedException {
    LOG.info("starting with {}", config);
    JavaStreamingContext ssc = createOrRecover(config, Map.of());
    ssc.start();
    StopOnSignal.install(ssc);
    LOG.info("job '{}' running (Spark {}, master {}, batch {} ms, checkpoint {})", config.job().cliName(),
        ssc.sparkContext().version(), ssc.sparkContext().master(), config.batchMillis(), config.checkpointDir());
    ssc.awaitTermination();
    LOG.info("job '{}' stopped", config.job().cliName());
  }

  /**
   * The streaming context of {@code config}: recovered from the checkpoint directory if it holds one, else
   * built by {@link #create}. {@code sparkOverrides} are set on a new context's SparkConf (tests).
   */
  static JavaStreamingContext createOrRecover(JobConfig config, Map<String, String> sparkOverrides) {
    return JavaStreamingContext.getOrCreate(config.checkpointDir(), () -> create(config, sparkOverrides));
  }

  static JavaStreamingContext create(JobConfig config, Map<String, String> sparkOverrides) {
    SparkConf conf = SparkSettings.apply(new SparkConf(), config);
    sparkOverrides.forEach(conf::set);
    checkCores(conf.get("spark.master"));
    LOG.info("no checkpoint in {}: building a new streaming graph for job '{}'", config.checkpointDir(),
        config.job().cliName());
    JavaStreamingContext ssc = new JavaStreamingContext(conf, Durations.milliseconds(config.batchMillis()));
    ssc.checkpoint(config.checkpointDir());
    // not cached: each job reads the received blocks itself (a Kryo read of a batch costs less than caching the
    // posts deserialized, where Spark's size estimation of every cached object took most of the batch)
    JavaDStream<Post> posts = ssc.receiverStream(new NdjsonReceiver(config));
    JobContext context = new JobContext(config, new Emitter(config.emit(), config.publishUrl()));
    ReportPlan plan = new ReportPlan();
    new PostTotals().register(posts, context, plan);
    AllJobs.forName(config).register(posts, context, plan);
    plan.register(config.top()); // last: after the pseudo job's own output operation, which its report reads
    return ssc;
  }

  /** The receiver pins one core: local mode needs at least two or nothing is ever processed. */
  static void checkCores(String master) {
    if (master.equals("local") || master.equals("local[1]") || master.startsWith("local[1,")) {
      throw new IllegalArgumentException("spark.master " + master + " leaves no core for processing: the receiver"
          + " holds one. Use local[2] or more.");
    }
  }
}
