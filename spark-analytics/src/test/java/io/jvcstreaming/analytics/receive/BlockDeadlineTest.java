package io.jvcstreaming.analytics.receive;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BlockDeadlineTest {

  @ParameterizedTest(name = "first post at {0}, interval {1}: stored at {2}")
  @CsvSource({
      // first post, interval, deadline   (margin: min(200, interval / 4))
      "0,          1500,     1300",
      "1299,       1500,     1300",
      "1300,       1500,     2800",
      "2799,       1500,     2800",
      "2800,       1500,     4300",
      "1764000000100, 1500, 1764000001300",
      "0,          100,      75",
      "74,         100,      75",
      "75,         100,      175",
      "0,          200,      150",
      "9999,       5000,     14800",
  })
  void aBlockIsStoredJustBeforeTheBoundaryAfterItsFirstPost(long firstPost, long interval, long deadline) {
    assertThat(BlockDeadline.after(firstPost, interval)).isEqualTo(deadline);
  }

  @ParameterizedTest(name = "interval {0}")
  @CsvSource({"100", "200", "1500", "2500", "5000"})
  void theDeadlineIsLaterThanTheFirstPostAndAtMostAnIntervalAway(long interval) {
    for (long first = 1_764_000_000_000L; first < 1_764_000_000_000L + 3 * interval; first += 7) {
      long deadline = BlockDeadline.after(first, interval);
      assertThat(deadline).isGreaterThan(first).isLessThanOrEqualTo(first + interval);
      assertThat((deadline + BlockDeadline.marginMillis(interval)) % interval).as("on a boundary").isZero();
    }
  }
}
