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
                      long taskCpuMs, List<Stage> stageList) {
  }

  /**
   * One stage run for a batch: when it was submitted and completed (ms after the batch's processing started), its
   * tasks and their summed run time (what the gaps between stages are not: the driver's scheduling and
   * serialization of the stage).
   */
  public record Stage(int id, String name, int tasks, long submittedAtMs, long completedAtMs, long taskRunMs,
                      long taskDeserializeMs) {
    @Override
    public String toString() {
      return String.format(java.util.Locale.ROOT, "[%d %s tasks=%d %d..%dms run=%dms deser+result=%dms]", id,
          name.replaceAll(" at .*", ""), tasks, submittedAtMs, completedAtMs, taskRunMs, taskDeserializeMs);
    }
  }

  private static final class Counters {
    final AtomicLong jobs = new AtomicLong();
    final AtomicLong stages = new AtomicLong();
    final AtomicLong tasks = new AtomicLong();
    final AtomicLong taskRunMs = new AtomicLong();
    final AtomicLong taskCpuNanos = new AtomicLong();
    final Map<Integer, Long> opMs = new ConcurrentHashMap<>();
    final Map<Integer, String> opNames = new ConcurrentHashMap<>();
    final List<StageInfo> stageInfos = new java.util.concurrent.CopyOnWriteArrayList<>();
    final Map<Integer, AtomicLong> stageRunMs = new ConcurrentHashMap<>();
    final Map<Integer, AtomicLong> stageOverheadMs = new ConcurrentHashMap<>();
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
      at(batch).stageInfos.add(stage.stageInfo());
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
      c.stageRunMs.computeIfAbsent(task.stageId(), k -> new AtomicLong()).addAndGet(task.taskMetrics().executorRunTime());
      c.stageOverheadMs.computeIfAbsent(task.stageId(), k -> new AtomicLong())
          .addAndGet(task.taskMetrics().executorDeserializeTime() + task.taskMetrics().resultSerializationTime());
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

  private static List<Stage> stages(BatchInfo info, Counters c) {
    long start = info.processingStartTime().isDefined() ? (Long) info.processingStartTime().get() : 0L;
    List<Stage> out = new ArrayList<>();
    for (StageInfo s : c.stageInfos) {
      long submitted = s.submissionTime().isDefined() ? (Long) s.submissionTime().get() - start : -1;
      long completed = s.completionTime().isDefined() ? (Long) s.completionTime().get() - start : -1;
      AtomicLong run = c.stageRunMs.get(s.stageId());
      AtomicLong overhead = c.stageOverheadMs.get(s.stageId());
      out.add(new Stage(s.stageId(), s.name(), s.numTasks(), submitted, completed, run == null ? 0 : run.get(),
          overhead == null ? 0 : overhead.get()));
    }
    out.sort(java.util.Comparator.comparingLong(Stage::submittedAtMs));
    return out;
  }

  /** How many batches have completed so far. */
  public int completedBatches() {
    synchronized (completed) {
      return completed.size();
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
            c.tasks.get(), c.taskRunMs.get(), c.taskCpuNanos.get() / 1_000_000, stages(info, c)));
      }
    }
    return out;
  }
}
