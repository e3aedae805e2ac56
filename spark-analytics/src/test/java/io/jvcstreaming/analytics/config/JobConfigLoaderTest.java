package io.jvcstreaming.analytics.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

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
        .hasMessageContaining("metrics-port: must be off or in 1..65535, got 70000");
    assertThatThrownBy(() -> load("--job", "words", "--metrics-port", "on"))
        .hasMessageContaining("metrics-port: expected an integer, got 'on'");
  }

  @Test
  void stateIdleTimeoutFromFlagOrEnvironment() {
    assertThat(JobConfigLoader.load(new String[] {"--job", "words", "--state-idle-timeout", "2s"}, Map.of())
        .stateIdleTimeoutMillis()).isEqualTo(2_000);
    assertThat(JobConfigLoader.load(new String[] {"--job", "words"}, Map.of("JVC_STATE_IDLE_TIMEOUT", "7d"))
        .stateIdleTimeoutMillis()).isEqualTo(7L * 86_400_000L);
    assertThatThrownBy(() -> load("--job", "words", "--state-idle-timeout", "500ms"))
        .hasMessageStartingWith("state-idle-timeout: must be in 1s..3650d");
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

  @Test
  void invalidValuesNameTheKeyAndTheRange() {
    assertThatThrownBy(() -> load("--job", "likes")).hasMessageStartingWith("job: unknown job 'likes'");
    assertThatThrownBy(() -> load()).hasMessageStartingWith("job: missing");
    assertThatThrownBy(() -> load("--job", "all", "--top", "0")).hasMessage("top: must be in 1..1000000, got 0");
    assertThatThrownBy(() -> load("--job", "all", "--top", "x")).hasMessageStartingWith("top: expected an integer");
    assertThatThrownBy(() -> load("--job", "all", "--batch", "50ms")).hasMessageStartingWith("batch: must be in 100ms..1h");
    assertThatThrownBy(() -> load("--job", "all", "--window", "4s")).hasMessageStartingWith("window: must be a multiple");
    assertThatThrownBy(() -> load("--job", "all", "--source", "nohost")).hasMessageStartingWith("source: expected host:port");
    assertThatThrownBy(() -> load("--job", "all", "--source", "h:70000")).hasMessageStartingWith("source: port must be in 1..65535");
    assertThatThrownBy(() -> load("--job", "pseudo")).hasMessageStartingWith("pseudo: the pseudo job needs");
    assertThatThrownBy(() -> load("--job", "all", "--min-word-length", "0")).hasMessageStartingWith("min-word-length: must be in 1..100");
    assertThatThrownBy(() -> load("--job", "all", "--emit", "xml")).hasMessageStartingWith("emit: expected 'table' or 'json'");
    assertThatThrownBy(() -> load("--job", "all", "--publish-url", "ftp://x/y")).hasMessageStartingWith("publish-url:");
    assertThatThrownBy(() -> load("--job", "all", "--stop-words", "/nope/none.txt")).hasMessageStartingWith("stop-words: cannot read");
    assertThatThrownBy(() -> load("--job", "all", "--colour", "red")).hasMessageStartingWith("unknown option --colour");
    assertThatThrownBy(() -> load("--job")).hasMessageStartingWith("job: missing value");
  }

  @Test
  void durations() {
    assertThat(JobConfigLoader.durationMillis("batch", "3")).isEqualTo(3_000);
    assertThat(JobConfigLoader.durationMillis("batch", "1.5s")).isEqualTo(1_500);
    assertThat(JobConfigLoader.durationMillis("window", "10m")).isEqualTo(600_000);
    assertThat(JobConfigLoader.durationMillis("window", "1h")).isEqualTo(3_600_000);
    assertThat(JobConfigLoader.durationMillis("state-idle-timeout", "30d")).isEqualTo(2_592_000_000L);
  }

  private static JobConfig load(String... args) {
    return JobConfigLoader.load(args, Map.of());
  }
}
