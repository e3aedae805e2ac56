package io.jvcstreaming.simulator.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.jvcstreaming.simulator.Faults;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** One roll, four consecutive slices: drop, challenge, 503, 429, then the page. */
class FaultRollTest {

  private static final Faults EACH_TENTH = new Faults(0.1, 0.1, 0.1, 0.1, 0.5, 0, 0);

  private record Row(Faults faults, double roll, FaultRoll expected) {
  }

  @Test
  void theRollPicksTheSliceItFallsIn() {
    Stream.of(
        new Row(Faults.NONE, 0.0, FaultRoll.SERVE),
        new Row(Faults.NONE, 0.999, FaultRoll.SERVE),
        new Row(EACH_TENTH, 0.0, FaultRoll.DROP),
        new Row(EACH_TENTH, 0.099, FaultRoll.DROP),
        new Row(EACH_TENTH, 0.1, FaultRoll.CHALLENGE),
        new Row(EACH_TENTH, 0.199, FaultRoll.CHALLENGE),
        new Row(EACH_TENTH, 0.25, FaultRoll.ERROR_503),
        new Row(EACH_TENTH, 0.35, FaultRoll.TOO_MANY),
        new Row(EACH_TENTH, 0.41, FaultRoll.SERVE),
        new Row(EACH_TENTH, 0.999, FaultRoll.SERVE),
        new Row(Faults.NONE.withError503(1.0), 0.0, FaultRoll.ERROR_503),
        new Row(Faults.NONE.withError503(1.0), 0.999, FaultRoll.ERROR_503),
        new Row(Faults.NONE.withTooMany(0.5), 0.49, FaultRoll.TOO_MANY),
        new Row(Faults.NONE.withTooMany(0.5), 0.5, FaultRoll.SERVE),
        // malformed is not a slice of the roll: it cuts pages that are served
        new Row(Faults.NONE.withMalformed(1.0), 0.0, FaultRoll.SERVE)
    ).forEach(row -> assertThat(FaultRoll.of(row.faults(), row.roll())).as("%s roll %s", row.faults(), row.roll())
        .isEqualTo(row.expected()));
  }
}
