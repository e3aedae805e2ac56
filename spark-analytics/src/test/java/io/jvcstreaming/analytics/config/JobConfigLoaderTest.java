package io.jvcstreaming.analytics.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jvcstreaming.config.Settings;
import io.jvcstreaming.config.SettingsTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JobConfigLoaderTest {

  @Test
  void defaults() {
    JobConfig c = JobConfigLoader.load(new String[] {"--job", "words"}, Map.of());
    assertThat(c.job()).isEqualTo(JobConfig.JobName.WORDS);
    assertThat(c.sourceHost()).isEqualTo("127.0.0.1");
    assertThat(c.sourcePort()).isEqualTo(6667);
    assertThat(c.batchMillis()).isEqualTo(3_000);
    assertThat(c.checkpointDir()).isEqualTo("./checkpoints/words");
    assertThat(c.top()).isEqualTo(15);
    assertThat(c.windowMillis()).isEqualTo(600_000);
    assertThat(c.emit()).isEqualTo(JobConfig.Emit.TABLE);
    assertThat(c.minWordLength()).isEqualTo(6);
    assertThat(c.stopWords()).isEmpty();
    assertThat(c.publishUrl()).isNull();
    assertThat(c.writeAheadLog()).isTrue();
    assertThat(c.stateIdleTimeoutMillis()).isEqualTo(30L * 86_400_000L);
    assertThat(c.metricsPort()).as("metrics-port off").isZero();
  }

  @Test
  void metricsPortFromFlagOrEnvironment() {
    assertThat(JobConfigLoader.load(new String[] {"--job", "words", "--metrics-port", "4040"}, Map.of()).metricsPort())
        .isEqualTo(4040);
    assertThat(JobConfigLoader.load(new String[] {"--job", "words"}, Map.of("JVC_METRICS_PORT", "4050")).metricsPort())
        .isEqualTo(4050);
    assertThat(JobConfigLoader.load(new String[] {"--job", "words", "--metrics-port", "OFF"},
        Map.of("JVC_METRICS_PORT", "4050")).metricsPort()).as("the flag wins").isZero();
    assertThatThrownBy(() -> load("--job", "words", "--metrics-port", "70000"))
        .hasMessageContaining("--metrics-port").hasMessageContaining("JVC_METRICS_PORT")
        .hasMessageContaining("off or a port in 1..65535, got '70000'");
    assertThatThrownBy(() -> load("--job", "words", "--metrics-port", "on"))
        .hasMessageContaining("--metrics-port").hasMessageContaining("off or a port in 1..65535, got 'on'");
  }

  @Test
  void stateIdleTimeoutFromFlagOrEnvironment() {
    assertThat(JobConfigLoader.load(new String[] {"--job", "words", "--state-idle-timeout", "2s"}, Map.of())
        .stateIdleTimeoutMillis()).isEqualTo(2_000);
    assertThat(JobConfigLoader.load(new String[] {"--job", "words"}, Map.of("JVC_STATE_IDLE_TIMEOUT", "7d"))
        .stateIdleTimeoutMillis()).isEqualTo(7L * 86_400_000L);
    assertThatThrownBy(() -> load("--job", "words", "--state-idle-timeout", "500ms"))
        .hasMessageStartingWith("invalid --state-idle-timeout / JVC_STATE_IDLE_TIMEOUT: expected a duration in 1s..3650d");
  }

  @Test
  void flagWinsOverEnvironmentWhichWinsOverDefault() {
    Map<String, String> env = Map.of("JVC_JOB", "authors", "SCRAPER_ADDR", "scraper.jvc.svc.cluster.local:7000",
        "JVC_TOP", "20", "JVC_BATCH", "5s", "JVC_PSEUDO", "Risitas, AYAAA", "STREAM_TOKEN", "s3cret");
    JobConfig c = JobConfigLoader.load(new String[] {"--top=30", "--batch", "500ms", "--window", "1m"}, env);
    assertThat(c.job()).isEqualTo(JobConfig.JobName.AUTHORS);
    assertThat(c.sourceHost()).isEqualTo("scraper.jvc.svc.cluster.local");
    assertThat(c.sourcePort()).isEqualTo(7000);
    assertThat(c.top()).isEqualTo(30);
    assertThat(c.batchMillis()).isEqualTo(500);
    assertThat(c.windowMillis()).isEqualTo(60_000);
    assertThat(c.pseudos()).containsExactlyInAnyOrder("risitas", "ayaaa");
    assertThat(c.streamToken()).isEqualTo("s3cret");
    assertThat(c.toString()).doesNotContain("s3cret").contains("streamToken=****");
  }

  @Test
  void builtinStopWordsAreLoaded() {
    JobConfig c = JobConfigLoader.load(new String[] {"--job", "words", "--stop-words", "builtin"}, Map.of());
    assertThat(c.stopWords()).contains("toujours", "vraiment", "peut-être");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "--job likes                         | invalid --job / JVC_JOB: expected one of [stickers",
      "                                    | invalid --job / JVC_JOB: expected a job name",
      "--job all --top 0                   | invalid --top / JVC_TOP: expected an integer in 1..1000000, got '0'",
      "--job all --top x                   | invalid --top / JVC_TOP: expected an integer",
      "--job all --batch 50ms              | invalid --batch / JVC_BATCH: expected a duration in 100ms..1h",
      "--job all --batch soon              | invalid --batch / JVC_BATCH: expected a duration such as 500ms",
      "--job all --window 4s               | invalid --window / JVC_WINDOW: expected a multiple of the batch",
      "--job all --window 2d               | invalid --window / JVC_WINDOW: expected a duration in [the batch",
      "--job all --source nohost           | invalid --source / SCRAPER_ADDR: expected host:port",
      "--job all --source h:70000          | invalid --source / SCRAPER_ADDR: expected host:port with a port in 1..65535",
      "--job pseudo                        | invalid --pseudo / JVC_PSEUDO: expected at least one pseudo",
      "--job all --min-word-length 0       | invalid --min-word-length / JVC_MIN_WORD_LENGTH: expected an integer in 1..100",
      "--job all --emit xml                | invalid --emit / JVC_EMIT: expected table or json",
      "--job all --publish-url ftp://x/y   | invalid --publish-url / JVC_PUBLISH_URL: expected an absolute http(s) URL",
      "--job all --stop-words /nope/n.txt  | invalid --stop-words / JVC_STOP_WORDS: expected none, builtin or a readable",
      "--job all --wal maybe               | invalid --wal / JVC_WAL: expected true or false",
      "--job all --state-idle-timeout 500ms | invalid --state-idle-timeout / JVC_STATE_IDLE_TIMEOUT: expected a duration in 1s..3650d",
      "--job all --colour red              | unknown option '--colour'",
      "--job                               | option --job needs a value",
  })
  void aBadValueNamesTheFlagTheVariableAndTheRange(String args, String message) {
    String[] argv = args == null ? new String[0] : args.trim().split("\\s+");
    assertThatThrownBy(() -> load(argv)).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(message);
  }

  @Test
  void theStartLogNamesEverySettingAndHidesTheToken() {
    String log = Settings.load(JobSetting.class, new String[] {"--job", "words"}, Map.of("STREAM_TOKEN", "s3cret"))
        .describe();
    for (JobSetting k : JobSetting.values()) {
      assertThat(log).contains("  " + k.spec().name() + "=");
    }
    assertThat(log).doesNotContain("s3cret").contains("STREAM_TOKEN=(set)  (env STREAM_TOKEN)")
        .contains("--job=words  (flag --job)").contains("--batch=3s  (default)");
  }

  @Test
  void helpListsEveryFlagAndVariable() {
    for (JobSetting k : JobSetting.values()) {
      assertThat(JobConfigLoader.usage()).contains(k.spec().env()).contains(k.spec().name());
    }
  }

  @Test
  void theReadmeTableListsEverySettingWithItsDefault() throws Exception {
    String readme = Files.readString(Path.of("..", "README.md"));
    assertThat(SettingsTable.problems(readme, JobSetting.class)).isEmpty();
  }

  @Test
  void durations() {
    assertThat(load("--job", "all", "--batch", "3").batchMillis()).as("a bare number is seconds").isEqualTo(3_000);
    assertThat(load("--job", "all", "--batch", "1.5s", "--window", "3s").batchMillis()).isEqualTo(1_500);
    assertThat(load("--job", "all", "--window", "1h").windowMillis()).isEqualTo(3_600_000);
    assertThat(load("--job", "all", "--window", "10min").windowMillis()).isEqualTo(600_000);
    assertThat(load("--job", "all", "--state-idle-timeout", "30d").stateIdleTimeoutMillis()).isEqualTo(2_592_000_000L);
  }

  private static JobConfig load(String... args) {
    return JobConfigLoader.load(args, Map.of());
  }
}
