package io.jvcstreaming.analytics.state;

import org.apache.spark.api.java.function.Function;
import scala.Tuple2;

/** Keeps a windowed key only while its count is positive, so keys that left the window are dropped from state. */
public final class StillInWindow implements Function<Tuple2<String, Long>, Boolean> {

  private static final long serialVersionUID = 1L;

  @Override
  public Boolean call(Tuple2<String, Long> keyCount) {
    return keyCount._2() > 0;
  }
}
