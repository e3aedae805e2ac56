package io.jvcstreaming.analytics.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerStageCompleted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.StageInfo;
import org.apache.spark.streaming.scheduler.BatchInfo;
import org.apache.spark.streaming.scheduler.OutputOperationInfo;
import org.apache.spark.streaming.scheduler.StreamingListener;
import org.apache.spark.streaming.scheduler.StreamingListenerBatchCompleted;
import org.apache.spark.streaming.scheduler.StreamingListenerOutputOperationCompleted;
import scala.collection.JavaConverters;

/**
 * Where a batch's processing time goes, for the benchmarks (the Spark UI is off): per batch, the processing time,
 * the duration of each output operation, and the Spark jobs, stages (run, not skipped) and tasks it started, with
 * their summed executor run time and CPU time (the
 * CPU time is the figure to compare when other processes share the machine). Register it as both a streaming listener and a Spark listener.
 */
public final class BatchProfiler extends SparkListener implements StreamingListener {

  private static final String BATCH_TIME = "spark.streaming.internal.batchTime";

  /** One completed batch. */
  public record Batch(long time, long processingMs, long schedulingMs, long records, Map<Integer, Long> outputOpMs,
                      Map<Integer, String> outputOpNames, long jobs, long stages, long tasks, long taskRunMs,
                      long taskCpuMs) {
  }

  private static final class Counters {
    final AtomicLong jobs = new AtomicLong();
    final AtomicLong stages = new AtomicLong();
    final AtomicLong tasks = new AtomicLong();
    final AtomicLong taskRunMs = new AtomicLong();
    final AtomicLong taskCpuNanos = new AtomicLong();
    final Map<Integer, Long> opMs = new ConcurrentHashMap<>();
    final Map<Integer, String> opNames = new ConcurrentHashMap<>();
  }

  private final Map<Long, Counters> byBatch = new ConcurrentHashMap<>();
  private final Map<Integer, Long> stageBatch = new ConcurrentHashMap<>();
  private final List<BatchInfo> completed = new ArrayList<>();

  private Counters at(long batchTime) {
    return byBatch.computeIfAbsent(batchTime, t -> new Counters());
  }

  @Override
  public void onJobStart(SparkListenerJobStart job) {
    String t = job.properties() == null ? null : job.properties().getProperty(BATCH_TIME);
    if (t == null) {
      return;
    }
    long batch = Long.parseLong(t);
    at(batch).jobs.incrementAndGet();
    for (StageInfo s : JavaConverters.seqAsJavaList(job.stageInfos())) {
      stageBatch.put(s.stageId(), batch);
    }
  }

  @Override
  public void onStageCompleted(SparkListenerStageCompleted stage) {
    Long batch = stageBatch.get(stage.stageInfo().stageId());
    if (batch != null) {
      at(batch).stages.incrementAndGet();
    }
  }

  @Override
  public void onTaskEnd(SparkListenerTaskEnd task) {
    Long batch = stageBatch.get(task.stageId());
    if (batch != null && task.taskMetrics() != null) {
      Counters c = at(batch);
      c.tasks.incrementAndGet();
      c.taskRunMs.addAndGet(task.taskMetrics().executorRunTime());
      c.taskCpuNanos.addAndGet(task.taskMetrics().executorCpuTime());
    }
  }

  @Override
  public void onOutputOperationCompleted(StreamingListenerOutputOperationCompleted op) {
    OutputOperationInfo info = op.outputOperationInfo();
    Counters c = at(info.batchTime().milliseconds());
    c.opMs.put(info.id(), (Long) info.duration().getOrElse(() -> -1L));
    c.opNames.put(info.id(), info.name());
  }

  @Override
  public void onBatchCompleted(StreamingListenerBatchCompleted batch) {
    synchronized (completed) {
      completed.add(batch.batchInfo());
    }
  }

  /**
   * The completed batches, oldest first. Task and stage events reach the Spark listener bus asynchronously, so
   * call this a little after the last batch of interest completed.
   */
  public List<Batch> batches() {
    List<Batch> out = new ArrayList<>();
    synchronized (completed) {
      for (BatchInfo info : completed) {
        long time = info.batchTime().milliseconds();
        Counters c = byBatch.getOrDefault(time, new Counters());
        out.add(new Batch(time, (Long) info.processingDelay().get(), (Long) info.schedulingDelay().get(),
            info.numRecords(), new TreeMap<>(c.opMs), new TreeMap<>(c.opNames), c.jobs.get(), c.stages.get(),
            c.tasks.get(), c.taskRunMs.get(), c.taskCpuNanos.get() / 1_000_000));
      }
    }
    return out;
  }
}
