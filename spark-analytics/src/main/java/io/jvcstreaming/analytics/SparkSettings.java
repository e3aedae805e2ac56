package io.jvcstreaming.analytics;

import io.jvcstreaming.analytics.config.JobConfig;
import io.jvcstreaming.analytics.kryo.AnalyticsKryoRegistrator;
import io.jvcstreaming.analytics.metrics.JobMetricsPlugin;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.SparkConf;

/**
 * The Spark settings of a new streaming context, each with its reason. Defaults are set only when missing, so
 * {@code spark-submit --conf} or {@code -Dspark.x=y} still win; the write-ahead log follows {@code --wal}.
 * Figures: spark-analytics/BENCHMARKS.md.
 */
final class SparkSettings {

  static final String LOCAL_MASTER = "local[2]";
  /**
   * Two blocks (= two tasks per stage that reads the posts) per batch and receiver: with one core left for
   * processing in local[2], every task costs a fixed 10–20 ms of scheduling and deserialization, which 15 blocks
   * per 3 s batch (the 200 ms default) multiplied; a post waits at most half a batch for its block.
   */
  static long blockIntervalMillis(long batchMillis) {
    return Math.max(200, batchMillis / 2);
  }

  /**
   * The keys {@link #apply} sets that a recovered context keeps from its checkpoint (Spark rebuilds the SparkConf
   * of a recovered context from the checkpoint and reloads only a fixed list, spark.master among them).
   */
  static final List<String> FROZEN_KEYS = List.of("spark.app.name",
      "spark.streaming.receiver.writeAheadLog.enable", "spark.serializer", "spark.kryo.registrator",
      "spark.streaming.blockInterval", "spark.streaming.stopGracefullyOnShutdown",
      "spark.streaming.gracefulStopTimeout", "spark.ui.enabled", "spark.ui.port", "spark.plugins",
      "spark.metrics.namespace", "spark.default.parallelism", "spark.kryo.referenceTracking");

  /** Where the driver UI serves Spark's metrics in the Prometheus text format (PrometheusServlet sink). */
  static final String PROMETHEUS_PATH = "/metrics/prometheus";
  /**
   * The first part of every metric name, instead of Spark's default (the application id, a new one at every
   * submission): {@code metrics_jvc_driver_...}, the same across runs, so a dashboard can name the series.
   */
  static final String METRICS_NAMESPACE = "jvc";
  /** {@code local[N]}, {@code local[*]}, {@code local[N,F]} (F: task failures allowed). */
  private static final Pattern LOCAL_CORES = Pattern.compile("local\\[(\\*|\\d+)(,\\d+)?]");

  private SparkSettings() {
  }

  /**
   * One line per {@link #FROZEN_KEYS} key whose value in the recovered context differs from what this start
   * asked for, for a WARN: the recovered value is the one that applies.
   */
  static List<String> frozenDifferences(SparkConf recovered, SparkConf fresh) {
    List<String> out = new ArrayList<>();
    for (String key : FROZEN_KEYS) {
      String was = recovered.get(key, null);
      String now = fresh.get(key, null);
      if (!Objects.equals(was, now)) {
        out.add(key + " = '" + was + "' from the checkpoint applies, not '" + now + "' asked for by this start");
      }
    }
    return out;
  }

  static SparkConf apply(SparkConf conf, JobConfig config) {
    conf.setAppName("jvc-" + config.job().cliName())
        // only when nobody set a master (spark-submit and the operator always do): the one-machine run
        .setIfMissing("spark.master", LOCAL_MASTER)
        .set("spark.streaming.receiver.writeAheadLog.enable", Boolean.toString(config.writeAheadLog()))
        // Kryo: receiver blocks, shuffles and state checkpoints. Java serialization of the posts cost ~4x more CPU.
        .setIfMissing("spark.serializer", "org.apache.spark.serializer.KryoSerializer")
        .setIfMissing("spark.kryo.registrator", AnalyticsKryoRegistrator.class.getName())
        // Our records hold no cycles and no shared objects worth a back-reference. With tracking on, Kryo clears
        // its reference table after every record it reads, at the size that table once grew to (a state
        // checkpoint makes it large, and Spark pools its Kryo instances): that clearing was 40 % of the tasks' time
        .setIfMissing("spark.kryo.referenceTracking", "false")
        .setIfMissing("spark.streaming.blockInterval", blockIntervalMillis(config.batchMillis()) + "ms")
        // SIGTERM is handled by StopOnSignal (graceful, bounded, exit 0). Spark's own graceful shutdown hook
        // would run a second stop inside the JVM's shutdown and wait on Hadoop's 30 s hook timeout.
        .set("spark.streaming.stopGracefullyOnShutdown", "false")
        // a graceful stop waits at most this long for received data to be processed (Spark's default: 10 batches)
        .setIfMissing("spark.streaming.gracefulStopTimeout", gracefulStopTimeoutMillis(config) + "ms");
    metrics(conf, config);
    if (conf.get("spark.master").startsWith("local")) {
      // nobody can reach the UI of a local run on this box, and its listeners cost CPU on every task
      conf.setIfMissing("spark.ui.enabled", "false");
      // Spark's local default is every core, but the receiver holds one: the state in as many partitions as cores
      // left to process them (one in local[2]), not twice as many tasks per stage as can run
      conf.setIfMissing("spark.default.parallelism", Integer.toString(processingCores(conf.get("spark.master"))));
      // One executor, so a task has no more local slot to wait for; and in local mode nothing offers the free core
      // again once a task set has declined it for locality (no periodic revive, SPARK-4939): a batch whose task
      // set mixed locality levels then waited, with a core idle, until another task ended. Seen in
      // ReceiverResumeIT: a batch stuck 90 s behind the receiver's never-ending task, right after a restart.
      conf.setIfMissing("spark.locality.wait", "0s");
    }
    return conf;
  }

  /**
   * Spark's metrics system: the PrometheusServlet sink on the driver UI (Spark's StreamingMetrics source: batch
   * delays, records; and our plugin's figures), executors' metrics at {@code /metrics/executors/prometheus}, a
   * stable namespace, and {@link JobMetricsPlugin} appended to any {@code spark.plugins} already set. With
   * {@code --metrics-port} the UI is on at that port, local mode included.
   */
  private static void metrics(SparkConf conf, JobConfig config) {
    conf.setIfMissing("spark.metrics.namespace", METRICS_NAMESPACE)
        .setIfMissing("spark.metrics.conf.*.sink.prometheusServlet.class",
            "org.apache.spark.metrics.sink.PrometheusServlet")
        .setIfMissing("spark.metrics.conf.*.sink.prometheusServlet.path", PROMETHEUS_PATH)
        .setIfMissing("spark.ui.prometheus.enabled", "true");
    String plugin = JobMetricsPlugin.class.getName();
    String plugins = conf.get("spark.plugins", "");
    if (!List.of(plugins.split(",")).contains(plugin)) {
      conf.set("spark.plugins", plugins.isBlank() ? plugin : plugins + "," + plugin);
    }
    if (config.metricsPort() > 0) {
      conf.set("spark.ui.enabled", "true").set("spark.ui.port", Integer.toString(config.metricsPort()));
    }
  }

  /**
   * The cores a local master leaves for processing once the receiver holds one: {@code local[3]} → 2,
   * {@code local[*]} → this machine's cores less one, at least 1.
   */
  static int processingCores(String localMaster) {
    Matcher m = LOCAL_CORES.matcher(localMaster);
    int cores = !m.matches() ? 1
        : m.group(1).equals("*") ? Runtime.getRuntime().availableProcessors() : Integer.parseInt(m.group(1));
    return Math.max(1, cores - 1);
  }

  /**
   * Two batches (the one running and the last one received), at least 5 s. A stop while posts flow waits all of it:
   * the blocks stored after the last batch cut never get a batch (Spark closes its block log first, see
   * {@code LeftoverBlocks}); the batches already cut are processed and checkpointed meanwhile, which a shorter
   * timeout would cut short (without the write-ahead log, their posts would then be lost).
   */
  static long gracefulStopTimeoutMillis(JobConfig config) {
    return Math.max(5_000, 2 * config.batchMillis());
  }
}
