package io.jvcstreaming.analytics.metrics;

import io.jvcstreaming.analytics.report.Emitter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * This run's figures on the driver, for the metrics endpoint ({@link JobGauges}) and the totals line of a
 * graceful stop ({@link Totals}). One per start ({@link #start}), so a second context in the same JVM (tests)
 * starts from zero. Fed by the report output operation ({@link #batchReported}), the streaming listener
 * ({@link ReceiverListener}: the receivers' life) and the receivers' events ({@link ReceiverEvents}). Thread-safe.
 *
 * <p>A batch's figures (batches, received, counted, dropped by the filter) all come from its report, the graph's
 * last output operation, once per batch time: never from Spark's batch-completion event, which its asynchronous
 * listener bus may deliver late or not at all (a graceful stop removes the streaming listeners as soon as the last
 * job has run, so the last batches' events were lost while their reports had been logged and published).
 *
 * <p>Posts dropped as already counted, in two places: the receivers skip what they stored before (seq) or what a
 * topic's high-water mark covers (their {@link ReceiverEvent.Kind#SKIPPED} events), and the idempotent filter
 * before every count removes what a replayed block brings again (a batch's received records minus the posts
 * counted in that batch).
 */
public final class JobMetrics {

  /**
   * Batch times remembered to take each batch once: a batch is reported once per run (Spark runs each batch's
   * output operations once; a batch recomputed after a driver restart is in the new run), this only guards it.
   */
  static final int REMEMBERED_BATCHES = 64;

  private static volatile JobMetrics current = new JobMetrics("none", 0, List.of());

  private final String job;
  private final long batchIntervalMillis;
  private final List<String> counts;
  private final long publishFailuresBefore;
  private final long publishedBefore;
  final AtomicLong batches = new AtomicLong();
  final AtomicLong postsReceived = new AtomicLong();
  final AtomicLong postsCounted = new AtomicLong();
  final AtomicLong postsDropped = new AtomicLong();
  final AtomicLong postsTotal = new AtomicLong();
  final AtomicLong reconnects = new AtomicLong();
  final AtomicLong receiverErrors = new AtomicLong();
  private final AtomicLong idsReadFromPosts = new AtomicLong();
  final AtomicInteger receiversActive = new AtomicInteger();
  private final Map<Integer, Boolean> connected = new ConcurrentHashMap<>();
  private final Map<Integer, Long> lastSeq = new ConcurrentHashMap<>();
  private final Map<String, Long> stateKeys = new ConcurrentHashMap<>();
  private final TreeSet<Long> reported = new TreeSet<>(); // guarded by itself
  private long latestReported = Long.MIN_VALUE; // guarded by reported

  JobMetrics(String job, long batchIntervalMillis, List<String> counts) {
    this.job = job;
    this.batchIntervalMillis = batchIntervalMillis;
    this.counts = List.copyOf(counts);
    this.publishFailuresBefore = Emitter.publishFailures();
    this.publishedBefore = Emitter.published();
  }

  /**
   * Called by the launcher before the context is created or recovered: {@code counts} are the names of the
   * reports whose state size gets a gauge (the plugin registers its gauges once, when the SparkContext starts).
   */
  public static JobMetrics start(String job, long batchIntervalMillis, List<String> counts) {
    JobMetrics m = new JobMetrics(job, batchIntervalMillis, counts);
    current = m;
    return m;
  }

  public static JobMetrics current() {
    return current;
  }

  public String job() {
    return job;
  }

  List<String> counts() {
    return counts;
  }

  long batchIntervalMillis() {
    return batchIntervalMillis;
  }

  /**
   * On the driver, when a batch's ids for the high-water mark had to be read from its posts: the receiver tracker
   * did not know every block's ids (see {@code ReceivedBlockIds}). Rare by design (a restart without the WAL);
   * a steady rise means every batch pays a read of its posts more.
   */
  public void idsReadFromPosts() {
    idsReadFromPosts.incrementAndGet();
  }

  public long batchesIdsReadFromPosts() {
    return idsReadFromPosts.get();
  }

  /**
   * On the driver, by the report of batch {@code batchTime}: the records it received, its posts counted (those of
   * {@code records} that passed the filter), the total, each count's keys. A batch time already taken in this run
   * adds nothing again; the total and the keys are the latest batch's (reports may come out of order).
   */
  public void batchReported(long batchTime, long records, long batchPosts, long totalPosts,
                            Map<String, Long> keysPerCount) {
    synchronized (reported) {
      if (!reported.add(batchTime)) {
        return;
      }
      if (reported.size() > REMEMBERED_BATCHES) {
        reported.pollFirst();
      }
      batches.incrementAndGet();
      postsReceived.addAndGet(records);
      postsCounted.addAndGet(batchPosts);
      postsDropped.addAndGet(Math.max(0, records - batchPosts));
      if (batchTime >= latestReported) {
        latestReported = batchTime;
        postsTotal.set(totalPosts);
        stateKeys.putAll(keysPerCount);
      }
    }
  }

  void receiverEvent(ReceiverEvent event) {
    switch (event.kind()) {
      case CONNECTED -> connected.put(event.streamId(), true);
      case DISCONNECTED -> connected.put(event.streamId(), false);
      case RECONNECTING -> reconnects.incrementAndGet();
      case STORED -> lastSeq.merge(event.streamId(), event.value(), Math::max);
      case SKIPPED -> postsDropped.addAndGet(event.value());
    }
  }

  void receiverStarted() {
    receiversActive.incrementAndGet();
  }

  void receiverStopped() {
    receiversActive.updateAndGet(n -> Math.max(0, n - 1));
  }

  void receiverError() {
    receiverErrors.incrementAndGet();
  }

  long receiversConnected() {
    return connected.values().stream().filter(Boolean::booleanValue).count();
  }

  /** The highest seq any receiver stored, -1 before the first block. */
  long receiverLastSeq() {
    return lastSeq.values().stream().mapToLong(Long::longValue).max().orElse(-1);
  }

  /** Keys held by count {@code name} at the last report (0 before it). */
  long stateKeys(String name) {
    return stateKeys.getOrDefault(name, 0L);
  }

  long publishFailures() {
    return Emitter.publishFailures() - publishFailuresBefore;
  }

  long published() {
    return Emitter.published() - publishedBefore;
  }

  /** The figures of this run so far. */
  public Totals totals() {
    Map<String, Long> keys = new LinkedHashMap<>();
    for (String count : counts) {
      keys.put(count, stateKeys(count));
    }
    stateKeys.forEach(keys::putIfAbsent);
    return new Totals(job, batches.get(), postsReceived.get(), postsCounted.get(), postsDropped.get(),
        postsTotal.get(), reconnects.get(), receiverErrors.get(), published(), publishFailures(), keys);
  }
}
