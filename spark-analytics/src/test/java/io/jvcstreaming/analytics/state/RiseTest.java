package io.jvcstreaming.analytics.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RiseTest {

  @ParameterizedTest(name = "recent {0}, all-time {1}: score {2}")
  @CsvSource({
      // all new: the prior keeps a small newcomer below a big one
      "3,    3,    0.375",
      "10,   10,   0.6667",
      "95,   95,   0.95",
      // a steady favourite: most of its count is older than the window
      "30,   500,  0.0594",
      // rose from a small history
      "30,   40,   0.6667",
      // nothing in the window
      "0,    500,  0",
      // the all-time state lost the key: the window is its whole history
      "8,    2,    0.6154"})
  void scoresTheShareOfTheCountThatIsRecent(long recent, long allTime, double expected) {
    assertThat(Rise.score(recent, allTime)).isCloseTo(expected, within(0.0001));
  }

  @ParameterizedTest(name = "recent {0}: listed {1}")
  @CsvSource({"0, false", "1, false", "2, false", "3, true", "1000, true"})
  void listsOnlyKeysSeenAFewTimesInTheWindow(long recent, boolean listed) {
    assertThat(Rise.listed(recent)).isEqualTo(listed);
  }

  @Test
  void aRisingKeyOutranksAFavouriteWithMoreRecentHits() {
    assertThat(Rise.score(6, 8)).isGreaterThan(Rise.score(20, 900));
  }

  @ParameterizedTest(name = "score {0}, recent {1}")
  @CsvSource({"0, 3", "0.375, 3", "0.999999, 12345", "1, 8796093022207", "0.5, 0"})
  void packsScoreAndRecentCountLosslessEnough(double score, long recent) {
    long packed = Rise.pack(score, recent);
    assertThat(Rise.recentOf(packed)).isEqualTo(recent);
    assertThat(Rise.scoreOf(packed)).isCloseTo(score, within(1e-6));
    assertThat(packed).isNotNegative();
  }

  @ParameterizedTest(name = "({0}, {1}) above ({2}, {3})")
  @CsvSource({
      "0.6, 3, 0.5, 1000",   // by score first
      "0.5, 9, 0.5, 8",      // then by recent count
      "0.0594, 30, 0.0593, 31"})
  void packedValuesOrderLikeScoreThenCount(double s1, long r1, double s2, long r2) {
    assertThat(Rise.pack(s1, r1)).isGreaterThan(Rise.pack(s2, r2));
  }
}
