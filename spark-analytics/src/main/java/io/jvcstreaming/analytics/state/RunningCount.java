package io.jvcstreaming.analytics.state;

import org.apache.spark.api.java.Optional;
import org.apache.spark.api.java.function.Function3;
import org.apache.spark.streaming.State;
import scala.Tuple2;

/**
 * The {@code mapWithState} function of every all-time count: adds this batch's count of a key to its running
 * total and emits {@code (key, new total)}. Only keys present in the batch are touched.
 *
 * <p>With {@code StateSpec.timeout}, Spark calls it once more for a key idle past the timeout, with
 * {@code isTimingOut()}: the key is then removed whatever we do (the state may not be updated in that call).
 * A batch count of 0 (a key of the top list kept alive, see {@code TouchTop}) never creates a key.
 */
public final class RunningCount implements Function3<String, Optional<Long>, State<Long>, Tuple2<String, Long>> {

  private static final long serialVersionUID = 1L;

  @Override
  public Tuple2<String, Long> call(String key, Optional<Long> batchCount, State<Long> state) {
    long previous = state.exists() ? state.get() : 0L;
    if (state.isTimingOut()) {
      return new Tuple2<>(key, previous); // never update a state that is timing out
    }
    long batch = batchCount.orElse(0L);
    if (!state.exists() && batch == 0) {
      return new Tuple2<>(key, 0L); // a keep-alive for a key that is gone already: do not bring it back at 0
    }
    long total = previous + batch;
    state.update(total);
    return new Tuple2<>(key, total);
  }
}
