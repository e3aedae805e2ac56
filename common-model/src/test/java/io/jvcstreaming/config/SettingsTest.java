package io.jvcstreaming.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SettingsTest {

  enum K implements Key {
    PORT(Spec.of("--port", "T_PORT", "80", "a port")),
    WAIT(Spec.of("--wait", "T_WAIT", "2s", "a wait").alias("--wait-ms", "T_WAIT_MS")),
    TOKEN(Spec.of("--token", "T_TOKEN", null, "a secret").secret()),
    ON(Spec.of("--on", "T_ON", "false", "a switch").switchFlag()),
    ENV_ONLY(Spec.of(null, "T_ENV_ONLY", null, "from the environment only")),
    URL(Spec.of("--url", "T_URL", null, "a URL"));

    private final Spec spec;

    K(Spec spec) {
      this.spec = spec;
    }

    @Override
    public Spec spec() {
      return spec;
    }
  }

  private static Settings<K> load(Map<String, String> env, String... args) {
    return Settings.load(K.class, args, env);
  }

  @Test
  void defaultThenVariableThenFlag() {
    assertThat(load(Map.of()).integer(K.PORT)).isEqualTo(80);
    assertThat(load(Map.of("T_PORT", "81")).integer(K.PORT)).isEqualTo(81);
    assertThat(load(Map.of("T_PORT", "81"), "--port", "82").integer(K.PORT)).isEqualTo(82);
    assertThat(load(Map.of("T_PORT", "81"), "--port=83").integer(K.PORT)).isEqualTo(83);
    assertThat(load(Map.of("T_PORT", " ")).integer(K.PORT)).as("an empty variable is unset").isEqualTo(80);
  }

  @ParameterizedTest(name = "{0} -> {1} ms")
  @CsvSource(delimiter = '|', value = {
      "--wait-ms=250    | 250", "--wait-ms=3s | 3000", "--wait=4s | 4000", "--wait=4 | 4000",
  })
  void anOlderMillisecondFlagKeepsItsMeaning(String arg, long millis) {
    assertThat(load(Map.of(), arg).duration(K.WAIT)).isEqualTo(Duration.ofMillis(millis));
  }

  @Test
  void anOlderVariableIsReadAndTheCurrentNameWins() {
    assertThat(load(Map.of("T_WAIT_MS", "700")).duration(K.WAIT)).isEqualTo(Duration.ofMillis(700));
    assertThat(load(Map.of("T_WAIT_MS", "700", "T_WAIT", "9s")).duration(K.WAIT)).isEqualTo(Duration.ofSeconds(9));
  }

  @Test
  void aSwitchMayStandAlone() {
    assertThat(load(Map.of(), "--on").bool(K.ON)).isTrue();
    assertThat(load(Map.of(), "--on", "--port", "1").bool(K.ON)).isTrue();
    assertThat(load(Map.of(), "--on", "false").bool(K.ON)).isFalse();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "--port=x           | invalid --port / T_PORT: expected an integer, got 'x'",
      "--wait=soon        | invalid --wait / T_WAIT: expected a duration such as 500ms, 3s, 5m, 1h, 30d, got 'soon'",
      "--on=perhaps       | invalid --on / T_ON: expected true or false, got 'perhaps'",
      "--url=ftp://h/x    | invalid --url / T_URL: expected an absolute http(s) URL, got 'ftp://h/x'",
      "--nope=1           | unknown option '--nope' (see --help)",
      "--port             | option --port needs a value (see --help)",
      "--T_ENV_ONLY=1     | unknown option '--T_ENV_ONLY' (see --help)",
  })
  void aBadValueNamesTheFlagTheVariableAndWhatIsAccepted(String arg, String message) {
    assertThatThrownBy(() -> {
      Settings<K> s = load(Map.of(), arg);
      s.integer(K.PORT);
      s.duration(K.WAIT);
      s.bool(K.ON);
      s.httpUrl(K.URL);
    }).isInstanceOf(ConfigException.class).hasMessage(message);
  }

  @Test
  void rangesAreSaidInTheMessage() {
    assertThatThrownBy(() -> load(Map.of(), "--port", "70000").integer(K.PORT, 1, 65_535))
        .hasMessage("invalid --port / T_PORT: expected an integer in [1, 65535], got '70000'");
    assertThatThrownBy(() -> load(Map.of(), "--wait", "2h").duration(K.WAIT, Duration.ZERO, Duration.ofHours(1)))
        .hasMessage("invalid --wait / T_WAIT: expected a duration such as 500ms, 3s, 5m, 1h, 30d, in [0ms, 1h], got '2h'");
    assertThatThrownBy(() -> load(Map.of(), "--port", "1.5").decimal(K.PORT, 0, 1))
        .hasMessage("invalid --port / T_PORT: expected a number in [0, 1], got '1.5'");
  }

  @Test
  void aSecretIsNeverEchoed() {
    assertThat(K.TOKEN.invalid("16..400 characters", "hunter2").getMessage()).doesNotContain("hunter2")
        .contains("--token / T_TOKEN");
  }

  @Test
  void theStartLogHasEveryKeyUnderItsFlagWithItsSource() {
    String log = load(Map.of("T_TOKEN", "hunter2", "T_ENV_ONLY", "e", "T_WAIT_MS", "5"),
        "--port", "81", "--url", "http://u:pw@h/x").describe();
    assertThat(log.lines()).containsExactly(
        "  --port=81  (flag --port)",
        "  --wait=5ms  (env T_WAIT_MS)",
        "  --token=(set)  (env T_TOKEN)",
        "  --on=false  (default)",
        "  T_ENV_ONLY=e  (env T_ENV_ONLY)",
        "  --url=http://u:****@h/x  (flag --url)");
  }

  @Test
  void helpListsEveryFlagVariableDefaultAndOlderName() {
    String help = Settings.help(K.class, "Usage: t");
    assertThat(help).startsWith("Usage: t").contains("--port").contains("T_PORT").contains("default: 80")
        .contains("default: (unset)").contains("also accepted (older names): --wait-ms, T_WAIT_MS")
        .contains("T_ENV_ONLY");
  }

  @Test
  void theReadmeTableCheckFindsAMissingRowAndAWrongDefault() {
    String table = """
        | flag | variable | default |
        |---|---|---|
        | `--port` | `T_PORT` | `80` |
        | `--wait` | `T_WAIT` | `3s` |
        | `--token` | `T_TOKEN` | unset |
        | `--on` | `T_ON` | `false` |
        | | `T_ENV_ONLY` | (unset) |
        """;
    assertThat(SettingsTable.problems(table, K.class)).containsExactly(
        "--wait: default cell '`3s` |' does not start with `2s`",
        "no row starting '| `--url` | `T_URL` | '");
  }

  @Test
  void wantsHelp() {
    assertThat(Settings.wantsHelp(new String[] {"--port", "1", "-h"})).isTrue();
    assertThat(Settings.wantsHelp(new String[] {"--port", "1"})).isFalse();
  }
}
