package io.jvcstreaming.analytics;

import io.jvcstreaming.analytics.config.JobConfig;
import io.jvcstreaming.analytics.config.JobConfigLoader;
import io.jvcstreaming.analytics.testing.BatchProfiler;
import io.jvcstreaming.analytics.testing.TestPosts;
import io.jvcstreaming.codec.PostCodec;
import io.jvcstreaming.config.Durations;
import io.jvcstreaming.model.Post;
import io.jvcstreaming.testkit.Await;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.apache.spark.streaming.api.java.JavaStreamingContext;

/**
 * Throughput benchmark: a real TCP server feeds {@code rate} posts/s (NDJSON, as the scraper writes them) to one
 * job in local[2], built exactly as {@code java -jar} builds it ({@link AnalyticsMain#createOrRecover}, no test
 * overrides); a {@link BatchProfiler} records each batch. Prints on stderr one {@code BENCH} line (a Markdown
 * table row for BENCHMARKS.md) and one {@code PROFILE} line: the median duration of each output operation and the
 * Spark jobs, stages and tasks per batch.
 *
 * <pre>
 * ./mvnw -B -o -pl spark-analytics verify     # or test-compile
 * ./mvnw -B -o -q -pl spark-analytics dependency:build-classpath -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test
 * cd spark-analytics
 * OPENS=$(grep -o '&lt;spark.java17.opens&gt;[^&lt;]*' ../pom.xml | sed 's/&lt;spark.java17.opens&gt;//')
 * java $OPENS -Xmx4g -cp target/test-classes:target/classes:$(cat target/bench.cp) \
 *     io.jvcstreaming.analytics.SparkThroughputBench words 10000 93 3s true 30s &gt; /dev/null
 * </pre>
 * Arguments: job rate(posts/s) seconds batch wal(true|false) warm-up(seconds, default 30): the batches of the
 * warm-up (JIT compilation: the first batches take 2-3x longer) are left out; the summary names how many were kept.
 * Extra Spark settings can be given as {@code -Dspark.x=y} system properties (SparkConf reads them).
 */
public final class SparkThroughputBench {

  public static void main(String[] args) throws Exception {
    String job = args.length > 0 ? args[0] : "words";
    int rate = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
    int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 63;
    String batch = args.length > 3 ? args[3] : "3s";
    String wal = args.length > 4 ? args[4] : "true";
    long batchMs = Durations.parse(batch).toMillis();
    long warmUpMs = Durations.parse(args.length > 5 ? args[5] : "30s").toMillis();
    int warmUpBatches = (int) (warmUpMs / batchMs);

    try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Thread feeder = new Thread(() -> feed(server, rate), "bench-feeder");
      feeder.setDaemon(true);
      feeder.start();
      String cp = Files.createTempDirectory("bench-cp").toString();
      JobConfig config = JobConfigLoader.load(new String[] {"--job", job, "--source", "127.0.0.1:" + server.getLocalPort(),
          "--batch", batch, "--checkpoint-dir", cp, "--emit", "json", "--pseudo", "Risitas", "--wal", wal},
          new HashMap<>());
      JavaStreamingContext ssc = AnalyticsMain.createOrRecover(config, Map.of());
      BatchProfiler profiler = new BatchProfiler();
      ssc.addStreamingListener(profiler);
      ssc.sparkContext().sc().addSparkListener(profiler);
      ssc.start();
      // the run is a number of completed batches, not a stretch of time: a loaded machine gets as many batches
      int planned = (int) (seconds * 1000L / batchMs) - 1;
      Await.until(Duration.ofSeconds(seconds * 4L), planned + " batches completed",
          () -> profiler.completedBatches() >= planned);
      ssc.stop(true, false);
      List<BatchProfiler.Batch> all = profiler.batches();
      List<BatchProfiler.Batch> steady = all.size() > warmUpBatches + 1 ? all.subList(warmUpBatches, all.size()) : all;
      System.err.println(summary(job, rate, batchMs, wal, all.size() - steady.size(), steady));
      System.err.println(profile(steady));
    }
  }

  /**
   * {@code BENCH | job | rate | batch | WAL | warm-up batches left out | batches | records/batch | median | p95 | max |
   * median % of batch | max scheduling delay |}.
   */
  static String summary(String job, int rate, long batchMs, String wal, int warmUp, List<BatchProfiler.Batch> steady) {
    long[] proc = steady.stream().mapToLong(BatchProfiler.Batch::processingMs).sorted().toArray();
    long records = steady.stream().mapToLong(BatchProfiler.Batch::records).sum();
    long maxDelay = steady.stream().mapToLong(BatchProfiler.Batch::schedulingMs).max().orElse(0);
    long median = percentile(proc, 0.5);
    return String.format(Locale.ROOT, "BENCH | %s | %d/s | %d ms | WAL %s | %d | %d | %.0f | %d ms | %d ms | %d ms | %.1f %% | %d ms |",
        job, rate, batchMs, Boolean.parseBoolean(wal) ? "on" : "off", warmUp, steady.size(),
        steady.isEmpty() ? 0.0 : (double) records / steady.size(), median, percentile(proc, 0.95),
        proc.length == 0 ? 0 : proc[proc.length - 1], 100.0 * median / batchMs, maxDelay);
  }

  static String profile(List<BatchProfiler.Batch> steady) {
    StringBuilder sb = new StringBuilder("PROFILE median per batch:");
    sb.append(" jobs=").append(median(steady, BatchProfiler.Batch::jobs))
        .append(" stages=").append(median(steady, BatchProfiler.Batch::stages))
        .append(" tasks=").append(median(steady, BatchProfiler.Batch::tasks))
        .append(" taskRun=").append(median(steady, BatchProfiler.Batch::taskRunMs))
        .append("ms taskCpu=").append(median(steady, BatchProfiler.Batch::taskCpuMs)).append("ms; output ops:");
    if (!steady.isEmpty()) {
      BatchProfiler.Batch last = steady.get(steady.size() - 1);
      for (Map.Entry<Integer, String> op : last.outputOpNames().entrySet()) {
        int id = op.getKey();
        sb.append(String.format(Locale.ROOT, " #%d %s=%dms", id, op.getValue().replaceAll(" at .*", ""),
            median(steady, b -> b.outputOpMs().getOrDefault(id, 0L))));
      }
    }
    if (!steady.isEmpty()) {
      // the stages of the batch whose processing time is the median: where its time goes
      List<BatchProfiler.Batch> byTime = new java.util.ArrayList<>(steady);
      byTime.sort(java.util.Comparator.comparingLong(BatchProfiler.Batch::processingMs));
      BatchProfiler.Batch mid = byTime.get((byTime.size() - 1) / 2);
      sb.append("; stages of the median batch (").append(mid.processingMs()).append(" ms):");
      mid.stageList().forEach(st -> sb.append(' ').append(st));
    }
    sb.append("; processing ms per batch:");
    steady.forEach(b -> sb.append(' ').append(b.processingMs()).append('/').append(b.jobs()).append('j'));
    return sb.toString();
  }

  private static long median(List<BatchProfiler.Batch> batches, java.util.function.ToLongFunction<BatchProfiler.Batch> f) {
    return percentile(batches.stream().mapToLong(f).sorted().toArray(), 0.5);
  }

  /** Nearest-rank percentile of sorted values. */
  static long percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    int rank = (int) Math.ceil(p * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  /** Writes {@code rate} posts per second to each client, in 10 ms slices. */
  private static void feed(ServerSocket server, int rate) {
    TestPosts posts = new TestPosts(1);
    try (Socket s = server.accept(); OutputStream out = new BufferedOutputStream(s.getOutputStream(), 1 << 16)) {
      // protocol v2: greet, then answer the receiver's RESUME (whatever it is) with the start of this stream
      out.write(new io.jvcstreaming.codec.Greeting("00000000000000be", -1, -1).line().getBytes(
          java.nio.charset.StandardCharsets.UTF_8));
      out.write(io.jvcstreaming.codec.ResumeAnswer.ok(-1, 0).line().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      long start = System.nanoTime();
      long sent = 0;
      while (true) {
        long due = (System.nanoTime() - start) * rate / 1_000_000_000L;
        while (sent < due) {
          Post p = posts.next();
          out.write(PostCodec.encodeLine(p));
          sent++;
        }
        out.flush();
        LockSupport.parkNanos(10_000_000); // pacing the feed at the rate: a clock, not a wait for an outcome
      }
    } catch (Exception e) {
      // the bench is over
    }
  }
}
