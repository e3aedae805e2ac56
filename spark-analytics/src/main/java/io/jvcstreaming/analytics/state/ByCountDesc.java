package io.jvcstreaming.analytics.state;

import java.io.Serializable;
import java.util.Comparator;
import scala.Tuple2;

/** Highest count first, then key in natural order: a total, stable order for top-N lists. */
public final class ByCountDesc implements Comparator<Tuple2<String, Long>>, Serializable {

  private static final long serialVersionUID = 1L;
  public static final ByCountDesc INSTANCE = new ByCountDesc();

  @Override
  public int compare(Tuple2<String, Long> a, Tuple2<String, Long> b) {
    int byCount = Long.compare(b._2(), a._2());
    return byCount != 0 ? byCount : a._1().compareTo(b._1());
  }
}
