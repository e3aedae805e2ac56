package io.jvcstreaming.analytics.state;

import org.apache.spark.api.java.function.Function2;

/** {@code a + b}: the reduce function of the counts. */
public final class Sum implements Function2<Long, Long, Long> {

  private static final long serialVersionUID = 1L;

  @Override
  public Long call(Long a, Long b) {
    return a + b;
  }
}
