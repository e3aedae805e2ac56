/**
 * What Spark's own metrics lack for these jobs, exposed through Spark's metrics system next to Spark's
 * {@code StreamingMetrics} (batch delays, records): receiver reconnects and connection state, posts counted and
 * dropped as already counted, state keys per count, report publish failures, the batch interval. Registered by a
 * {@link io.jvcstreaming.analytics.metrics.JobMetricsPlugin} ({@code spark.plugins}, Spark's public plugin API),
 * served by the PrometheusServlet sink at the driver UI's {@code /metrics/prometheus}; the same figures make the
 * totals line logged on a graceful stop.
 */
package io.jvcstreaming.analytics.metrics;
