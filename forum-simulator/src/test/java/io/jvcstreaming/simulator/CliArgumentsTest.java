package io.jvcstreaming.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

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
        .hasMessageContaining("unknown flag --colour");
  }

  @Test
  void configRejectsFaultsAboveOne() {
    assertThatThrownBy(() -> new Faults(0.6, 0.5, 0, 0, 0, 0, 0)).hasMessageContaining("must not exceed 1");
  }
}
