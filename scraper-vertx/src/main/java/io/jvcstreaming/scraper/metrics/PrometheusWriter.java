package io.jvcstreaming.scraper.metrics;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes the Prometheus text exposition (version 0.0.4), one family at a time, so {@link ScraperMetrics} says
 * which series exist and this class alone knows the format (HELP/TYPE lines, label escaping, number formats).
 */
final class PrometheusWriter {

  private final StringBuilder sb = new StringBuilder(4096);

  PrometheusWriter counter(String name, String help, long value) {
    return header(name, help, "counter").sample(name, Long.toString(value));
  }

  PrometheusWriter gauge(String name, String help, long value) {
    return header(name, help, "gauge").sample(name, Long.toString(value));
  }

  /** A counter kept in milliseconds, exposed in seconds as Prometheus expects. */
  PrometheusWriter secondsCounter(String name, String help, long millis) {
    return header(name, help, "counter").sample(name, String.format(Locale.ROOT, "%.3f", millis / 1e3));
  }

  /** One series per key, {@code name{label="key"} value}, keys in their natural order. */
  PrometheusWriter labelled(String name, String help, String type, String label, Map<?, ? extends Number> values) {
    header(name, help, type);
    new TreeMap<>(values).forEach((k, v) -> sample(name + "{" + label + "=\"" + escape(String.valueOf(k)) + "\"}",
        Long.toString(v.longValue())));
    return this;
  }

  /** A histogram from per-bucket counts, the last one being {@code +Inf}. */
  PrometheusWriter histogram(String name, String help, double[] bounds, long[] perBucket, double sum, long count) {
    header(name, help, "histogram");
    long cumulative = 0;
    for (int i = 0; i < bounds.length; i++) {
      cumulative += perBucket[i];
      sample(name + "_bucket{le=\"" + bounds[i] + "\"}", Long.toString(cumulative));
    }
    cumulative += perBucket[bounds.length];
    sample(name + "_bucket{le=\"+Inf\"}", Long.toString(cumulative));
    sample(name + "_sum", String.format(Locale.ROOT, "%.6f", sum));
    return sample(name + "_count", Long.toString(count));
  }

  String text() {
    return sb.toString();
  }

  private PrometheusWriter header(String name, String help, String type) {
    sb.append("# HELP ").append(name).append(' ').append(help).append("\n# TYPE ").append(name).append(' ')
        .append(type).append('\n');
    return this;
  }

  private PrometheusWriter sample(String series, String value) {
    sb.append(series).append(' ').append(value).append('\n');
    return this;
  }

  static String escape(String label) {
    return label.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", " ");
  }
}
