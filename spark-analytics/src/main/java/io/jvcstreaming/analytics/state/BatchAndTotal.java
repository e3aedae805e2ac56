package io.jvcstreaming.analytics.state;

import org.apache.spark.api.java.Optional;
import org.apache.spark.api.java.function.Function3;
import org.apache.spark.streaming.State;
import scala.Tuple2;

/**
 * The {@code mapWithState} function of the post total: adds the batch's count to the running total and emits
 * {@code (batch count, new total)}. Fed one record per batch (an empty batch brings a 0), so both figures come out
 * of one Spark job instead of a count job plus a state-snapshot job.
 */
public final class BatchAndTotal implements Function3<String, Optional<Long>, State<Long>, Tuple2<Long, Long>> {

  private static final long serialVersionUID = 1L;

  @Override
  public Tuple2<Long, Long> call(String key, Optional<Long> batchCount, State<Long> state) {
    long batch = batchCount.orElse(0L);
    long total = (state.exists() ? state.get() : 0L) + batch;
    state.update(total);
    return new Tuple2<>(batch, total);
  }
}
