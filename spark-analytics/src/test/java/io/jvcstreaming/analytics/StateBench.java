package io.jvcstreaming.analytics;

import io.jvcstreaming.analytics.state.RunningCount;
import io.jvcstreaming.analytics.state.Sum;
import io.jvcstreaming.testkit.Await;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.Optional;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.storage.RDDInfo;
import org.apache.spark.streaming.Durations;
import org.apache.spark.streaming.StateSpec;
import org.apache.spark.streaming.Time;
import org.apache.spark.streaming.api.java.JavaDStream;
import org.apache.spark.streaming.api.java.JavaPairDStream;
import org.apache.spark.streaming.api.java.JavaStreamingContext;
import org.apache.spark.streaming.dstream.ConstantInputDStream;
import org.apache.spark.streaming.scheduler.StreamingListener;
import org.apache.spark.streaming.scheduler.StreamingListenerBatchCompleted;
import scala.Tuple2;
import scala.reflect.ClassTag$;

/**
 * mapWithState vs updateStateByKey on the same input: the first batch creates {@code keys} keys, every later
 * batch updates {@code active} keys (the Databricks design-doc shape: many keys, few active). Reports the average
 * processing time of the steady batches and the memory of the cached state RDDs (storage status).
 *
 * <p>Arguments: mapWithState|updateStateByKey keys active seconds batch(ms). Same classpath as SparkThroughputBench:
 * {@code java $OPENS -Xmx4g -cp ... io.jvcstreaming.analytics.StateBench mapWithState 1000000 10000 60 2000}.
 * Prints one {@code BENCH} line on stderr: a Markdown table row (median/p95/max processing time of the steady
 * batches, the first batch apart, and the largest memory of the cached RDDs, i.e. the state).
 */
public final class StateBench {

  public static void main(String[] args) throws Exception {
    String mode = args.length > 0 ? args[0] : "mapWithState";
    int keys = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
    int active = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
    int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 60;
    long batchMs = args.length > 4 ? Long.parseLong(args[4]) : 2_000;

    // the jobs' own settings (local[2], no UI, Kryo); -Dspark.x=y system properties win
    SparkConf conf = new SparkConf().setAppName("state-bench").setIfMissing("spark.master", "local[2]")
        .setIfMissing("spark.ui.enabled", "false").setIfMissing("spark.default.parallelism", "4")
        .setIfMissing("spark.serializer", "org.apache.spark.serializer.KryoSerializer")
        .setIfMissing("spark.kryo.registrator", "io.jvcstreaming.analytics.kryo.AnalyticsKryoRegistrator");
    JavaStreamingContext ssc = new JavaStreamingContext(conf, Durations.milliseconds(batchMs));
    ssc.checkpoint(Files.createTempDirectory("state-bench").toString());
    JavaRDD<Integer> seed = ssc.sparkContext().parallelize(List.of(0), 1);
    JavaDStream<Integer> tick = new JavaDStream<>(new ConstantInputDStream<>(ssc.ssc(), seed.rdd(),
        ClassTag$.MODULE$.apply(Integer.class)), ClassTag$.MODULE$.apply(Integer.class));
    long[] firstBatch = {-1};
    JavaPairDStream<String, Long> pairs = tick.transformToPair((JavaRDD<Integer> rdd, Time time) -> {
      boolean first = firstBatch[0] < 0 || firstBatch[0] == time.milliseconds();
      if (first) {
        firstBatch[0] = time.milliseconds();
      }
      long t = time.milliseconds();
      int n = first ? keys : active;
      return rdd.context().range(0, n, 1, 4).toJavaRDD().mapToPair(i -> {
        long k = first ? (long) i : Math.floorMod((long) i * 7919L + t, (long) keys);
        return new Tuple2<>("key-" + k, 1L);
      });
    }).reduceByKey(new Sum());

    JavaPairDStream<String, Long> state;
    if (mode.equals("mapWithState")) {
      state = pairs.mapWithState(StateSpec.function(new RunningCount())).stateSnapshots();
    } else {
      Function2<List<Long>, Optional<Long>, Optional<Long>> update = (values, old) -> {
        long sum = old.orElse(0L);
        for (long v : values) {
          sum += v;
        }
        return Optional.of(sum);
      };
      state = pairs.updateStateByKey(update);
    }
    long[] stateSize = {0};
    state.foreachRDD((JavaPairRDD<String, Long> rdd) -> {
      stateSize[0] = rdd.count();
    });
    List<Long> processing = new ArrayList<>();
    List<Long> memory = new ArrayList<>();
    ssc.addStreamingListener(new StreamingListener() {
      @Override
      public void onBatchCompleted(StreamingListenerBatchCompleted completed) {
        long mem = 0;
        for (RDDInfo info : ssc.sparkContext().sc().getRDDStorageInfo()) {
          mem += info.memSize();
        }
        synchronized (processing) {
          processing.add((Long) completed.batchInfo().processingDelay().get());
          memory.add(mem);
        }
      }
    });
    ssc.start();
    // a number of completed batches, not a stretch of time
    int planned = (int) (seconds * 1000L / batchMs) - 1;
    Await.until(Duration.ofSeconds(seconds * 4L), planned + " batches completed", () -> {
      synchronized (processing) {
        return processing.size() >= planned;
      }
    });
    ssc.stop(true, false);
    List<Long> steady = processing.size() > 3 ? processing.subList(2, processing.size()) : processing;
    long[] sorted = steady.stream().mapToLong(Long::longValue).sorted().toArray();
    long maxMem = memory.stream().mapToLong(Long::longValue).max().orElse(0);
    // a Markdown table row for BENCHMARKS.md: | mode | keys | active/batch | batch | steady batches | first batch |
    // median | p95 | max | state keys | cached state memory max |
    System.err.printf(Locale.ROOT, "BENCH | %s | %d | %d | %d ms | %d | %d ms | %d ms | %d ms | %d ms | %d | %.1f MB |%n",
        mode, keys, active, batchMs, steady.size(), processing.isEmpty() ? 0 : processing.get(0),
        SparkThroughputBench.percentile(sorted, 0.5), SparkThroughputBench.percentile(sorted, 0.95),
        sorted.length == 0 ? 0 : sorted[sorted.length - 1], stateSize[0], maxMem / 1e6);
  }
}
