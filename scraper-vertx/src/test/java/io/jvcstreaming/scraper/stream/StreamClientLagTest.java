package io.jvcstreaming.scraper.stream;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StreamClientLagTest {

  @ParameterizedTest(name = "cursor {0}, window {1}..{2}: lag {3}")
  @CsvSource({
      "11, 1, 10, 0",   // sent everything: its next seq is past the head
      "8, 1, 10, 3",    // sent up to 7: 8, 9, 10 to go
      "1, 1, 10, 10",   // sent nothing yet
      "-1, 5, 10, 6",   // not started, will start at the oldest held
      "3, 5, 10, 6",    // behind the window (about to be cut): what is held is what it lacks
      "42, -1, 41, 0",  // nothing held
      "12, 1, 10, 0",   // a cursor past the head (a resume beyond it) is not a negative lag
  })
  void lagIsWhatIsHeldButNotSent(long cursor, long first, long head, long lag) {
    assertThat(StreamClient.lag(cursor, first, head)).isEqualTo(lag);
  }
}
