package io.jvcstreaming.simulator.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The {@code since} parameter of {@code /_truth}: a negative answer is a 400. */
class TruthSinceTest {

  @Test
  void sinceParameter() {
    Stream.of(
        new Object[] {null, 0L},
        new Object[] {"", 0L},
        new Object[] {"0", 0L},
        new Object[] {"1234", 1234L},
        new Object[] {"-5", -5L},
        new Object[] {"abc", -1L},
        new Object[] {"12.5", -1L},
        new Object[] {"99999999999999999999", -1L}
    ).forEach(row -> assertThat(TruthEndpoint.parseSince((String) row[0])).as(Arrays.toString(row))
        .isEqualTo(row[1]));
  }
}
