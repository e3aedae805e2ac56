package io.jvcstreaming.analytics;

import io.jvcstreaming.analytics.config.JobConfig;
import io.jvcstreaming.analytics.config.JobConfigLoader;
import io.jvcstreaming.analytics.testing.ReportCollector;
import io.jvcstreaming.analytics.testing.TestStreamServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.streaming.api.java.JavaStreamingContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * Owns the one streaming context a test may have (one SparkContext per JVM) and always stops it; also a test
 * stream server on a free port and a report collector that receives the jobs' JSON reports over HTTP.
 */
abstract class SparkITBase {

  /** Spark settings for tests: no UI, few partitions, fast receiver restarts. */
  static final Map<String, String> TEST_SPARK = Map.of(
      "spark.ui.enabled", "false",
      "spark.master", "local[2]",
      "spark.default.parallelism", "2",
      "spark.sql.shuffle.partitions", "2",
      "spark.streaming.blockInterval", "100ms",
      "spark.streaming.receiverRestartDelay", "200",
      "spark.driver.bindAddress", "127.0.0.1",
      "spark.driver.host", "127.0.0.1");

  @TempDir
  Path temp;
  TestStreamServer server;
  ReportCollector reports;
  JavaStreamingContext ssc;

  @BeforeEach
  void startFixtures() throws Exception {
    server = new TestStreamServer();
    reports = new ReportCollector();
  }

  @AfterEach
  void stopEverything() throws Exception {
    stopContext(false);
    reports.close();
    server.close();
  }

  /** A config like the CLI would build, with the test's server, collector and a temp checkpoint dir. */
  JobConfig config(String... extra) {
    List<String> args = new ArrayList<>(List.of("--source", server.address(), "--batch", "500ms",
        "--checkpoint-dir", temp.resolve("checkpoint").toString(), "--top", "1000", "--emit", "json",
        "--publish-url", reports.url(), "--window", "3s"));
    args.addAll(Arrays.asList(extra));
    return JobConfigLoader.load(args.toArray(String[]::new), new HashMap<>());
  }

  JavaStreamingContext start(JobConfig config) {
    ssc = AnalyticsMain.createOrRecover(config, TEST_SPARK);
    ssc.start();
    return ssc;
  }

  void stopContext(boolean gracefully) {
    if (ssc != null) {
      try {
        ssc.stop(true, gracefully);
      } finally {
        ssc = null;
      }
    }
  }

  /** Whether Spark wrote a checkpoint under the checkpoint dir (in this build's directory, one level down). */
  boolean checkpointWritten() throws Exception {
    try (var files = Files.walk(temp.resolve("checkpoint"), 2)) {
      return files.anyMatch(p -> p.getFileName().toString().startsWith("checkpoint-"));
    }
  }
}
