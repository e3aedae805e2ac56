package io.jvcstreaming.analytics.state;

import org.apache.spark.api.java.function.Function2;

/** {@code a - b}: the inverse reduce of a sliding window (what leaves the window is subtracted). */
public final class Subtract implements Function2<Long, Long, Long> {

  private static final long serialVersionUID = 1L;

  @Override
  public Long call(Long a, Long b) {
    return a - b;
  }
}
