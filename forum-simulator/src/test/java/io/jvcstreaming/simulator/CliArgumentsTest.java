package io.jvcstreaming.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jvcstreaming.config.SettingsTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CliArgumentsTest {

  @Test
  void defaultsWithoutArguments() {
    assertThat(CliArguments.parse(new String[0], Map.of())).isEqualTo(SimulatorConfig.defaults());
  }

  @Test
  void flagWinsOverEnvironment() {
    SimulatorConfig c = CliArguments.parse(new String[] {"--rate", "5", "--error-503=0.1", "--latency-ms", "20"},
        Map.of("SIM_RATE", "9", "SIM_PORT", "9000", "SIM_DROP", "0.05"));
    assertThat(c.liveRate()).isEqualTo(5);
    assertThat(c.port()).isEqualTo(9000);
    assertThat(c.faults().error503()).isEqualTo(0.1);
    assertThat(c.faults().drop()).isEqualTo(0.05);
    assertThat(c.faults().latencyMs()).isEqualTo(20);
  }

  @Test
  void invalidValuesNameTheFlagAndRange() {
    assertThatThrownBy(() -> CliArguments.parse(new String[] {"--rate", "fast"}, Map.of()))
        .hasMessageContaining("--rate").hasMessageContaining("[0, 100000]");
    assertThatThrownBy(() -> CliArguments.parse(new String[] {"--drop", "1.5"}, Map.of()))
        .hasMessageContaining("--drop").hasMessageContaining("[0, 1]");
    assertThatThrownBy(() -> CliArguments.parse(new String[0], Map.of("SIM_PORT", "70000")))
        .hasMessageContaining("--port").hasMessageContaining("SIM_PORT");
    assertThatThrownBy(() -> CliArguments.parse(new String[] {"--colour", "red"}, Map.of()))
        .hasMessageContaining("unknown option '--colour'");
  }

  @ParameterizedTest(name = "{0} {1} -> names {2} and says {3}")
  @CsvSource(delimiter = '|', value = {
      "--port                | 65536 | SIM_PORT                | [0, 65535]",
      "--topics              | 0     | SIM_TOPICS              | [1, 100000]",
      "--seed                | 1.5   | SIM_SEED                | an integer",
      "--max-posts-per-topic | many  | SIM_MAX_POSTS_PER_TOPIC | [1, 100000]",
      "--malformed           | -0.1  | SIM_MALFORMED           | [0, 1]",
      "--latency             | 61s   | SIM_LATENCY             | [0ms, 1m]",
      "--latency-jitter      | soon  | SIM_LATENCY_JITTER      | 500ms, 3s",
  })
  void aBadValueNamesTheFlagTheVariableAndTheRange(String flag, String value, String env, String accepted) {
    assertThatThrownBy(() -> CliArguments.parse(new String[] {flag, value}, Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(flag).hasMessageContaining(env).hasMessageContaining(accepted);
  }

  @ParameterizedTest(name = "{0} -> {1} ms")
  @CsvSource({"--latency=250ms, 250", "--latency=2s, 2000", "--latency-ms=40, 40", "--latency-ms=1s, 1000"})
  void latencyIsADurationAndTheOlderMillisecondFlagStillWorks(String arg, int millis) {
    assertThat(CliArguments.parse(new String[] {arg}, Map.of()).faults().latencyMs()).isEqualTo(millis);
  }

  @Test
  void theOlderMillisecondVariablesStillWork() {
    SimulatorConfig c = CliArguments.parse(new String[0], Map.of("SIM_LATENCY_MS", "30", "SIM_LATENCY_JITTER_MS", "7"));
    assertThat(c.faults().latencyMs()).isEqualTo(30);
    assertThat(c.faults().latencyJitterMs()).isEqualTo(7);
  }

  @Test
  void anEmptyVariableCountsAsUnset() {
    assertThat(CliArguments.parse(new String[0], Map.of("SIM_PORT", "", "SIM_RATE", " ")))
        .isEqualTo(SimulatorConfig.defaults());
  }

  @Test
  void theDefaultsInTheSettingsAreTheConfigDefaults() {
    // The table's defaults are what --help and the docs show: they must be what a run without settings gets.
    assertThat(CliArguments.parse(new String[0], Map.of())).isEqualTo(SimulatorConfig.defaults());
  }

  @Test
  void theDocsTableListsEverySettingWithItsDefault() throws Exception {
    String doc = Files.readString(Path.of("..", "docs", "simulator.md"));
    assertThat(SettingsTable.problems(doc, SimulatorSetting.class)).isEmpty();
  }

  @Test
  void configRejectsFaultsAboveOne() {
    assertThatThrownBy(() -> new Faults(0.6, 0.5, 0, 0, 0, 0, 0)).hasMessageContaining("must not exceed 1");
  }
}
