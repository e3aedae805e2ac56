package io.jvcstreaming.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

  @ParameterizedTest(name = "{0} = {1} ms")
  @CsvSource({
      "500ms, 500", "3s, 3000", "1.5s, 1500", "5m, 300000", "10min, 600000", "1h, 3600000", "30d, 2592000000",
      "0ms, 0", "' 2S ', 2000", "3, 3000", "0.25, 250", "2 s, 2000",
  })
  void parsesTheOneFormatAndTheOlderForms(String raw, long millis) {
    assertThat(Durations.parse(raw)).isEqualTo(Duration.ofMillis(millis));
  }

  @ParameterizedTest(name = "{0} is refused")
  @ValueSource(strings = {"", "soon", "-1s", "5 seconds", "1w", "1h30m", "ms", "PT5S"})
  void refusesAnythingElseSayingTheFormat(String raw) {
    assertThatThrownBy(() -> Durations.parse(raw)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("500ms, 3s, 5m, 1h, 30d").hasMessageContaining("'" + raw + "'");
  }

  @ParameterizedTest(name = "{0} ms -> {1}")
  @CsvSource({"0, 0ms", "500, 500ms", "1500, 1500ms", "3000, 3s", "90000, 90s", "300000, 5m", "3600000, 1h",
      "2592000000, 30d"})
  void formatsInTheSameFormatAndRoundTrips(long millis, String text) {
    assertThat(Durations.format(Duration.ofMillis(millis))).isEqualTo(text);
    assertThat(Durations.parse(text)).isEqualTo(Duration.ofMillis(millis));
  }
}
