package io.jvcstreaming.analytics;

import io.jvcstreaming.analytics.config.JobConfig;
import io.jvcstreaming.analytics.config.JobConfigLoader;
import io.jvcstreaming.analytics.testing.TestPosts;
import io.jvcstreaming.codec.PostCodec;
import io.jvcstreaming.model.Post;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.streaming.api.java.JavaStreamingContext;
import org.apache.spark.streaming.scheduler.BatchInfo;
import org.apache.spark.streaming.scheduler.StreamingListener;
import org.apache.spark.streaming.scheduler.StreamingListenerBatchCompleted;

/**
 * Throughput benchmark: a real TCP server feeds {@code rate} posts/s (NDJSON, as the scraper writes them) to one
 * job in local[2]; a StreamingListener records each batch's processing time. Prints one summary line on stderr.
 *
 * <pre>
 * ./mvnw -B -pl spark-analytics verify     # or test-compile
 * ./mvnw -B -o -q -pl spark-analytics dependency:build-classpath -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test
 * cd spark-analytics
 * OPENS=$(grep -o '&lt;spark.java17.opens&gt;[^&lt;]*' ../pom.xml | sed 's/&lt;spark.java17.opens&gt;//')
 * java $OPENS -Xmx4g -cp target/test-classes:target/classes:$(cat target/bench.cp) \
 *     io.jvcstreaming.analytics.SparkThroughputBench words 20000 35 3s &gt; /dev/null
 * </pre>
 * Arguments: job rate(posts/s) seconds batch.
 * </pre>
 */
public final class SparkThroughputBench {

  public static void main(String[] args) throws Exception {
    String job = args.length > 0 ? args[0] : "words";
    int rate = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
    int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 40;
    String batch = args.length > 3 ? args[3] : "3s";
    long batchMs = JobConfigLoader.durationMillis("batch", batch);

    try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Thread feeder = new Thread(() -> feed(server, rate), "bench-feeder");
      feeder.setDaemon(true);
      feeder.start();
      String cp = Files.createTempDirectory("bench-cp").toString();
      JobConfig config = JobConfigLoader.load(new String[] {"--job", job, "--source", "127.0.0.1:" + server.getLocalPort(),
          "--batch", batch, "--checkpoint-dir", cp, "--emit", "json", "--pseudo", "Risitas"}, new HashMap<>());
      Map<String, String> spark = new HashMap<>(SparkITBase.TEST_SPARK);
      spark.put("spark.streaming.blockInterval", "200ms");
      JavaStreamingContext ssc = AnalyticsMain.createOrRecover(config, spark);
      List<long[]> batches = new ArrayList<>(); // processing ms, records, scheduling delay ms
      ssc.addStreamingListener(new StreamingListener() {
        @Override
        public void onBatchCompleted(StreamingListenerBatchCompleted completed) {
          BatchInfo info = completed.batchInfo();
          synchronized (batches) {
            batches.add(new long[] {(Long) info.processingDelay().get(), info.numRecords(),
                (Long) info.schedulingDelay().get()});
          }
        }
      });
      ssc.start();
      Thread.sleep(seconds * 1000L);
      ssc.stop(true, false);
      summarize(job, rate, batchMs, batches);
    }
  }

  private static void summarize(String job, int rate, long batchMs, List<long[]> all) {
    List<long[]> steady = all.size() > 4 ? all.subList(3, all.size()) : all; // skip warm-up batches
    long[] proc = steady.stream().mapToLong(b -> b[0]).sorted().toArray();
    double avg = steady.stream().mapToLong(b -> b[0]).average().orElse(0);
    long records = steady.stream().mapToLong(b -> b[1]).sum();
    long maxDelay = steady.stream().mapToLong(b -> b[2]).max().orElse(0);
    long p95 = proc.length == 0 ? 0 : proc[(int) Math.min(proc.length - 1, Math.round(proc.length * 0.95))];
    System.err.printf(Locale.ROOT, "BENCH job=%s rate=%d/s batch=%dms batches=%d records/batch=%.0f "
            + "processing avg=%.0fms p95=%dms (%.1f%% of the batch) max scheduling delay=%dms%n",
        job, rate, batchMs, steady.size(), steady.isEmpty() ? 0.0 : (double) records / steady.size(), avg, p95,
        100.0 * avg / batchMs, maxDelay);
  }

  /** Writes {@code rate} posts per second to each client, in 10 ms slices. */
  private static void feed(ServerSocket server, int rate) {
    TestPosts posts = new TestPosts(1);
    try (Socket s = server.accept(); OutputStream out = new BufferedOutputStream(s.getOutputStream(), 1 << 16)) {
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
        Thread.sleep(10);
      }
    } catch (Exception e) {
      // the bench is over
    }
  }
}
