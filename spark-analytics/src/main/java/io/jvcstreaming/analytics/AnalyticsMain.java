package io.jvcstreaming.analytics;

import io.jvcstreaming.analytics.checkpoint.BuildVersion;
import io.jvcstreaming.analytics.checkpoint.CheckpointDir;
import io.jvcstreaming.analytics.checkpoint.CheckpointUnreadable;
import io.jvcstreaming.analytics.checkpoint.Retention;
import io.jvcstreaming.analytics.checkpoint.StartRefused;
import io.jvcstreaming.analytics.checkpoint.StateShape;
import io.jvcstreaming.analytics.config.JobConfig;
import io.jvcstreaming.analytics.config.JobConfigLoader;
import io.jvcstreaming.analytics.config.JobSetting;
import io.jvcstreaming.analytics.jobs.AllJobs;
import io.jvcstreaming.analytics.jobs.JobContext;
import io.jvcstreaming.analytics.jobs.PostTotals;
import io.jvcstreaming.analytics.metrics.JobMetrics;
import io.jvcstreaming.analytics.metrics.ReceiverListener;
import io.jvcstreaming.analytics.receive.NdjsonReceiver;
import io.jvcstreaming.analytics.receive.ReceivedBlockIds;
import io.jvcstreaming.analytics.receive.ReceivedRecords;
import io.jvcstreaming.analytics.report.ReportPlan;
import io.jvcstreaming.analytics.report.RunSettings;
import io.jvcstreaming.analytics.state.KeepNewPosts;
import io.jvcstreaming.config.Settings;
import io.jvcstreaming.model.Post;
import java.io.ObjectStreamException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkException;
import org.apache.spark.deploy.SparkHadoopUtil;
import org.apache.spark.streaming.Durations;
import org.apache.spark.streaming.api.java.JavaReceiverInputDStream;
import org.apache.spark.streaming.api.java.JavaStreamingContext;
import org.apache.spark.streaming.dstream.ReceiverInputDStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one entry point of the Spark jobs: {@code --job stickers|authors|words|pseudo|topics|all} (see
 * {@link JobSetting} for every option and its environment variable).
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
 * {@link StopOnSignal}; the run's totals are logged in one line first), 1 when the job fails (so the
 * Spark Operator sees a failure and restarts the driver), 2 for invalid options or options that contradict the
 * checkpoint ({@link StartRefused}), 3 when this build's checkpoint cannot be read ({@link CheckpointUnreadable}).
 * A restarted driver resumes its counts from {@code <checkpoint-dir>/<build version>}
 * ({@link JavaStreamingContext#getOrCreate}).
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
    if (Settings.wantsHelp(args)) {
      System.out.print(JobConfigLoader.usage());
      System.exit(0);
    }
    JobConfig config;
    try {
      Settings<JobSetting> settings = Settings.load(JobSetting.class, args, System.getenv());
      config = JobConfigLoader.from(settings);
      LOG.info("settings:\n{}", settings.describe());
    } catch (IllegalArgumentException e) {
      System.err.println("error: " + e.getMessage());
      System.err.print(JobConfigLoader.usage());
      System.exit(2);
      return;
    }
    int code;
    try {
      run(config);
      code = 0;
    } catch (StartRefused e) {
      System.err.println("error: " + e.getMessage());
      LOG.error("job '{}' refused to start: {}", config.job().cliName(), e.getMessage());
      code = 2;
    } catch (CheckpointUnreadable e) {
      System.err.println("error: " + e.getMessage());
      LOG.error("job '{}' cannot start: {}", config.job().cliName(), e.getMessage());
      code = 3;
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
    StopOnSignal stop = StopOnSignal.install(ssc);
    LOG.info("job '{}' running (Spark {}, master {}, batch {} ms, checkpoint {})", config.job().cliName(),
        ssc.sparkContext().version(), ssc.sparkContext().master(), config.batchMillis(),
        ssc.ssc().checkpointDir());
    ssc.awaitTermination();
    stop.awaitStopped(60_000); // the SparkContext's stop and the blocks handed back (StopOnSignal.stopGracefully)
    // reached on a graceful stop only (a failed job throws): the run's figures, in one line
    LOG.info("{}", JobMetrics.current().totals().line());
    LOG.info("job '{}' stopped", config.job().cliName());
  }

  /**
   * The streaming context of {@code config}: recovered from this build's checkpoint directory
   * ({@code <checkpoint-dir>/<build version>}) if it holds one, else built by {@link #create}.
   * {@code sparkOverrides} are set on a new context's SparkConf (tests).
   *
   * <p>Whatever the user may change between runs is taken from {@code config} at every start: installed in
   * {@link RunSettings} (read by the graph at each batch) and, for a recovered context, the receivers are
   * retargeted at {@code --source}. The options that shape the saved state must match the checkpoint's, else
   * {@link StartRefused}; a checkpoint this build cannot read is {@link CheckpointUnreadable}.
   */
  static JavaStreamingContext createOrRecover(JobConfig config, Map<String, String> sparkOverrides) {
    RunSettings.install(config);
    JobMetrics.start(config.job().cliName(), config.batchMillis(), AllJobs.reportNames(config));
    SparkConf fresh = SparkSettings.apply(new SparkConf(), config);
    sparkOverrides.forEach(fresh::set);
    Configuration hadoop = SparkHadoopUtil.get().newConfiguration(fresh);
    CheckpointDir dir = CheckpointDir.open(config.checkpointDir(), BuildVersion.current(), hadoop);
    Map<String, String> shape = StateShape.of(config);
    boolean existing = dir.hasCheckpoint();
    if (existing) {
      dir.readOptions().ifPresent(saved -> {
        List<String> differences = StateShape.differences(saved, shape, dir.path());
        if (!differences.isEmpty()) {
          throw new StartRefused(StateShape.refusal(differences, dir.path()));
        }
      });
    }
    applyRetention(dir, existing);
    AtomicBoolean created = new AtomicBoolean();
    JavaStreamingContext ssc;
    try {
      ssc = JavaStreamingContext.getOrCreate(dir.path(), () -> {
        created.set(true);
        return create(config, dir.path(), sparkOverrides);
      }, hadoop, false);
    } catch (Exception e) {
      if (!created.get() && isUnreadableCheckpoint(e)) {
        throw new CheckpointUnreadable("the checkpoint in " + dir.path() + " cannot be read by this build ("
            + rootCause(e) + "). It carries this build's version, so it is damaged or was written with other"
            + " libraries. To start fresh, move " + dir.path() + " away: the counts then start again from what the"
            + " scraper's log still holds.", e);
      }
      throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
    }
    if (!created.get()) {
      LOG.info("recovered job '{}' from {}: counts continue; source, token, top, emit, pseudos and publish URL"
          + " are this start's", config.job().cliName(), dir.path());
      retargetReceivers(ssc, config);
      for (String difference : SparkSettings.frozenDifferences(ssc.sparkContext().getConf(), fresh)) {
        LOG.warn("Spark setting frozen in the checkpoint: {} (start from a fresh checkpoint to change it)",
            difference);
      }
    }
    if (!existing || dir.readOptions().isEmpty()) {
      dir.writeOptions(shape);
    }
    ssc.addStreamingListener(new ReceiverListener()); // listeners are not in the checkpoint: every start adds it
    return ssc;
  }

  /** After recovery the receivers are the checkpoint's: point them at this start's {@code --source}. */
  static void retargetReceivers(JavaStreamingContext ssc, JobConfig config) {
    for (ReceiverInputDStream<?> input : ssc.ssc().graph().getReceiverInputStreams()) {
      if (input.getReceiver() instanceof NdjsonReceiver receiver) {
        receiver.retarget(config.sourceHost(), config.sourcePort());
        LOG.info("receiver of stream {} connects to {}:{}", input.id(), config.sourceHost(), config.sourcePort());
      }
    }
  }

  /** Other builds' checkpoints beside this one: logged; the newest kept for a rollback, older ones deleted. */
  static void applyRetention(CheckpointDir dir, boolean existing) {
    if (dir.unversionedCheckpointInRoot()) {
      LOG.warn("{} holds a checkpoint written before checkpoints were kept per build; this build ({}) does not"
          + " read it and starts its own in {}. It is left in place: delete its files from {} when no longer"
          + " needed.", dir.root(), dir.version(), dir.path(), dir.root());
    }
    Retention.Decision decision = Retention.decide(dir.otherVersions());
    if (decision.kept() != null && !existing) {
      LOG.warn("upgrade: {} holds the checkpoint of build {}, this is build {}: its counts start afresh in {} from"
          + " what the scraper's log still holds (an old checkpoint may not deserialize with new classes). Kept for"
          + " a rollback: {}", dir.root(), decision.kept().name(), dir.version(), dir.path(),
          dir.pathOf(decision.kept()));
    }
    for (Retention.VersionDir old : decision.deleted()) {
      LOG.warn("deleting the checkpoint of build {} ({}): older than the one kept for a rollback", old.name(),
          dir.pathOf(old));
      dir.delete(old);
    }
  }

  static boolean isUnreadableCheckpoint(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SparkException && String.valueOf(t.getMessage()).startsWith("Failed to read checkpoint")
          || t instanceof ObjectStreamException || t instanceof ClassNotFoundException
          || t instanceof ClassCastException) {
        return true;
      }
    }
    return false;
  }

  private static String rootCause(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.toString();
  }

  static JavaStreamingContext create(JobConfig config, String checkpointPath, Map<String, String> sparkOverrides) {
    SparkConf conf = SparkSettings.apply(new SparkConf(), config);
    sparkOverrides.forEach(conf::set);
    checkCores(conf.get("spark.master"));
    LOG.info("no checkpoint in {}: building a new streaming graph for job '{}'", checkpointPath,
        config.job().cliName());
    JavaStreamingContext ssc = new JavaStreamingContext(conf, Durations.milliseconds(config.batchMillis()));
    ssc.checkpoint(checkpointPath);
    // not cached: each job reads the received blocks itself (a Kryo read of a batch costs less than caching the
    // posts deserialized, where Spark's size estimation of every cached object took most of the batch)
    JavaReceiverInputDStream<Post> received = ssc.receiverStream(new NdjsonReceiver(config.sourceHost(),
        config.sourcePort(), checkpointPath, config.writeAheadLog()));
    JobContext context = new JobContext(config);
    KeepNewPosts.NewPosts fresh = keepNewPosts(received, context);
    ReportPlan plan = new ReportPlan(new ReceivedRecords(received.receiverInputDStream()));
    PostTotals.register(fresh.passes(), plan);
    AllJobs.forName(config).register(fresh.posts(), context, plan);
    plan.register(); // last: after the pseudo job's own output operation, which its report reads
    return ssc;
  }

  /**
   * Every count reads the posts through this filter: per topic, only posts above the highest id already counted
   * (checkpointed state, see {@link KeepNewPosts}), so a block received twice across a driver crash counts once.
   */
  static KeepNewPosts.NewPosts keepNewPosts(JavaReceiverInputDStream<Post> received, JobContext context) {
    return KeepNewPosts.apply(received, new ReceivedBlockIds(received.receiverInputDStream()),
        context.stateIdleTimeout(), received.context().sparkContext().defaultParallelism());
  }

  /** The receiver pins one core: local mode needs at least two or nothing is ever processed. */
  static void checkCores(String master) {
    if (master.equals("local") || master.equals("local[1]") || master.startsWith("local[1,")) {
      throw new IllegalArgumentException("spark.master " + master + " leaves no core for processing: the receiver"
          + " holds one. Use local[2] or more.");
    }
  }
}
