package io.jvcstreaming.analytics.metrics;

import com.codahale.metrics.Counter;
import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.ToLongFunction;

/**
 * The metrics this plugin adds to Spark's, each read from the {@link JobMetrics} of the current run when scraped.
 * Counters are rendered by the PrometheusServlet as {@code metrics_<namespace>_driver_<source>_<name>_Count},
 * gauges as {@code ..._<name>_Value}, where the source is {@link JobMetricsPlugin#SOURCE}.
 */
public final class JobGauges {

  public static final String BATCH_INTERVAL_MS = "batch_interval_ms";
  public static final String POSTS_COUNTED = "posts_counted";
  public static final String POSTS_DROPPED_DUPLICATES = "posts_dropped_duplicates";
  public static final String BATCHES_IDS_READ_FROM_POSTS = "batches_ids_read_from_posts";
  public static final String POSTS_TOTAL = "posts_total";
  public static final String RECEIVER_RECONNECTS = "receiver_reconnects";
  public static final String RECEIVER_ERRORS = "receiver_errors";
  public static final String RECEIVERS_ACTIVE = "receivers_active";
  public static final String RECEIVERS_CONNECTED = "receivers_connected";
  public static final String RECEIVER_LAST_SEQ = "receiver_last_seq";
  public static final String REPORTS_PUBLISHED = "reports_published";
  public static final String REPORT_PUBLISH_FAILURES = "report_publish_failures";
  /** Followed by the count's name: {@code state_keys_words}, {@code state_keys_words-trending}. */
  public static final String STATE_KEYS_PREFIX = "state_keys_";

  private JobGauges() {
  }

  static void register(MetricRegistry registry, List<String> counts) {
    gauge(registry, BATCH_INTERVAL_MS, JobMetrics::batchIntervalMillis);
    counter(registry, POSTS_COUNTED, m -> m.postsCounted.get());
    counter(registry, POSTS_DROPPED_DUPLICATES, m -> m.postsDropped.get());
    counter(registry, BATCHES_IDS_READ_FROM_POSTS, JobMetrics::batchesIdsReadFromPosts);
    gauge(registry, POSTS_TOTAL, m -> m.postsTotal.get());
    counter(registry, RECEIVER_RECONNECTS, m -> m.reconnects.get());
    counter(registry, RECEIVER_ERRORS, m -> m.receiverErrors.get());
    gauge(registry, RECEIVERS_ACTIVE, m -> m.receiversActive.get());
    gauge(registry, RECEIVERS_CONNECTED, JobMetrics::receiversConnected);
    gauge(registry, RECEIVER_LAST_SEQ, JobMetrics::receiverLastSeq);
    counter(registry, REPORTS_PUBLISHED, JobMetrics::published);
    counter(registry, REPORT_PUBLISH_FAILURES, JobMetrics::publishFailures);
    for (String count : counts) {
      gauge(registry, STATE_KEYS_PREFIX + count, m -> m.stateKeys(count));
    }
  }

  private static void gauge(MetricRegistry registry, String name, ToLongFunction<JobMetrics> value) {
    registry.register(name, (Gauge<Long>) () -> value.applyAsLong(JobMetrics.current()));
  }

  /** A Dropwizard counter whose count is read from the run's figures (so it restarts at 0 with a new run). */
  private static void counter(MetricRegistry registry, String name, ToLongFunction<JobMetrics> value) {
    LongSupplier read = () -> value.applyAsLong(JobMetrics.current());
    registry.register(name, new Counter() {
      @Override
      public long getCount() {
        return read.getAsLong();
      }
    });
  }
}
