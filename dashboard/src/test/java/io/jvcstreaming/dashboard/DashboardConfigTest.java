package io.jvcstreaming.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DashboardConfigTest {

  @Test
  void defaults() {
    DashboardConfig c = DashboardConfig.load(List.of(), Map.of());
    assertThat(c.host()).isEqualTo("127.0.0.1");
    assertThat(c.port()).isEqualTo(8090);
    assertThat(c.redisUrl()).isNull();
    assertThat(c.sourceHost()).isEqualTo("127.0.0.1");
    assertThat(c.sourcePort()).isEqualTo(6667);
    assertThat(c.streamToken()).isNull();
    assertThat(c.metricsUrl().toString()).isEqualTo("http://127.0.0.1:8080/metrics");
    assertThat(c.forumOrigin()).isEqualTo("https://www.jeuxvideo.com");
  }

  @Test
  void environmentThenFlagsWin() {
    Map<String, String> env = Map.of("JVC_DASHBOARD_PORT", "9000", "JVC_DASHBOARD_HOST", "0.0.0.0",
        "REDIS_URL", "redis://redis:6379", "SCRAPER_ADDR", "scraper:7000", "STREAM_TOKEN", "s3cret",
        "JVC_FORUM_ORIGIN", "http://127.0.0.1:8081/", "JVC_RESULTS_TOKEN", "results-token-0123456789",
        "REDIS_PASSWORD", "redis-pass-42");
    DashboardConfig fromEnv = DashboardConfig.load(List.of(), env);
    assertThat(fromEnv.port()).isEqualTo(9000);
    assertThat(fromEnv.host()).isEqualTo("0.0.0.0");
    assertThat(fromEnv.redisUrl()).isEqualTo("redis://redis:6379");
    assertThat(fromEnv.sourceHost()).isEqualTo("scraper");
    assertThat(fromEnv.sourcePort()).isEqualTo(7000);
    assertThat(fromEnv.streamToken()).isEqualTo("s3cret");
    assertThat(fromEnv.forumOrigin()).isEqualTo("http://127.0.0.1:8081");
    assertThat(fromEnv.resultsToken()).isEqualTo("results-token-0123456789");
    assertThat(fromEnv.resultsOpen()).isFalse();
    assertThat(fromEnv.redisPassword()).isEqualTo("redis-pass-42");
    assertThat(fromEnv.describe()).doesNotContain("s3cret").doesNotContain("results-token-0123456789")
        .doesNotContain("redis-pass-42").contains("bearer token required").contains("password=(set)");
    assertThat(fromEnv.toString()).doesNotContain("results-token-0123456789").doesNotContain("redis-pass-42");

    DashboardConfig flags = DashboardConfig.load(List.of("--port", "9100", "--source=other:6668"), env);
    assertThat(flags.port()).isEqualTo(9100);
    assertThat(flags.sourceHost()).isEqualTo("other");
    assertThat(flags.sourcePort()).isEqualTo(6668);
  }

  @Test
  void invalidValuesNameTheKeyAndTheRange() {
    assertThatThrownBy(() -> DashboardConfig.load(List.of("--port", "70000"), Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--port").hasMessageContaining("JVC_DASHBOARD_PORT").hasMessageContaining("0..65535");
    assertThatThrownBy(() -> DashboardConfig.load(List.of(), Map.of("JVC_DASHBOARD_PORT", "abc")))
        .hasMessageContaining("--port").hasMessageContaining("an integer");
    assertThatThrownBy(() -> DashboardConfig.load(List.of("--source", "nohost"), Map.of()))
        .hasMessageContaining("--source").hasMessageContaining("SCRAPER_ADDR");
    assertThatThrownBy(() -> DashboardConfig.load(List.of("--source", "h:0"), Map.of()))
        .hasMessageContaining("1..65535");
    assertThatThrownBy(() -> DashboardConfig.load(List.of("--redis-url", "http://x"), Map.of()))
        .hasMessageContaining("--redis-url");
    assertThatThrownBy(() -> DashboardConfig.load(List.of("--scraper-metrics-url", "ftp://x/metrics"), Map.of()))
        .hasMessageContaining("--scraper-metrics-url");
    assertThatThrownBy(() -> DashboardConfig.load(List.of("--forum-origin", "https://www.jeuxvideo.com/forums"),
        Map.of())).hasMessageContaining("--forum-origin");
    assertThatThrownBy(() -> DashboardConfig.load(List.of("--scraper-metrics-interval-ms", "10"), Map.of()))
        .hasMessageContaining("--scraper-metrics-interval").hasMessageContaining("200ms..10m");
    assertThatThrownBy(() -> DashboardConfig.load(List.of("--stream-token", "has space"), Map.of()))
        .hasMessageContaining("--stream-token").hasMessageNotContaining("has space");
    assertThatThrownBy(() -> DashboardConfig.load(List.of("--nope", "1"), Map.of()))
        .hasMessageContaining("unknown option '--nope'");
    assertThatThrownBy(() -> DashboardConfig.load(List.of("--port"), Map.of()))
        .hasMessageContaining("needs a value");
  }

  @Test
  void defaultsKeepPostOpenOnlyBecauseTheyBindLoopback() {
    DashboardConfig c = DashboardConfig.load(List.of(), Map.of());
    assertThat(c.resultsToken()).isNull();
    assertThat(c.resultsOpen()).isTrue();
    assertThat(c.describe()).contains("open (loopback bind only)");
  }

  @ParameterizedTest(name = "{0} without a token -> refused")
  @ValueSource(strings = {"0.0.0.0", "::", "192.168.1.20", "dashboard.example", "10.0.0.1", "127.0.0.1.nip.io"})
  void anExposedBindAddressWithoutATokenIsRefused(String host) {
    assertThatThrownBy(() -> DashboardConfig.load(List.of("--host", host), Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--results-token").hasMessageContaining("JVC_RESULTS_TOKEN")
        .hasMessageContaining("'" + host + "'").hasMessageContaining("Authorization: Bearer");
    assertThat(DashboardConfig.load(List.of("--host", host, "--results-token", "0123456789abcdef"), Map.of())
        .resultsOpen()).isFalse();
  }

  @ParameterizedTest(name = "isLoopback({0}) = {1}")
  @CsvSource({
      "127.0.0.1, true", "127.1.2.3, true", "localhost, true", "LOCALHOST, true", "::1, true", "[::1], true",
      "0:0:0:0:0:0:0:1, true",
      "0.0.0.0, false", "::, false", "128.0.0.1, false", "127.0.0.256, false", "127.0.0, false",
      "127.0.0.1.nip.io, false", "localhost.example, false", "10.0.0.1, false", "my-host, false",
      "127.0.0.01x, false",
  })
  void loopbackIsDecidedOnTheTextWithoutDns(String host, boolean loopback) {
    assertThat(DashboardConfig.isLoopback(host)).isEqualTo(loopback);
  }

  @Test
  void aWeakOrMalformedTokenIsRefusedWithoutEchoingIt() {
    assertThatThrownBy(() -> DashboardConfig.load(List.of("--results-token", "short-15-chars!"), Map.of()))
        .hasMessageContaining("--results-token").hasMessageContaining("16..400")
        .hasMessageNotContaining("short-15-chars!");
    assertThatThrownBy(() -> DashboardConfig.load(List.of(), Map.of("JVC_RESULTS_TOKEN", "has a space in it, long")))
        .hasMessageContaining("JVC_RESULTS_TOKEN").hasMessageNotContaining("has a space");
    assertThat(DashboardConfig.load(List.of(), Map.of("JVC_RESULTS_TOKEN", "")).resultsOpen()).isTrue();
  }

  @Test
  void aRedisPasswordIsGivenOnce() {
    assertThatThrownBy(() -> DashboardConfig.load(List.of(),
        Map.of("REDIS_URL", "redis://:in-url@redis:6379", "REDIS_PASSWORD", "separate")))
        .hasMessageContaining("REDIS_PASSWORD").hasMessageContaining("give it once")
        .hasMessageNotContaining("in-url").hasMessageNotContaining("separate");
    DashboardConfig inUrl = DashboardConfig.load(List.of(), Map.of("REDIS_URL", "redis://:in-url@redis:6379"));
    assertThat(inUrl.describe()).contains("redis://***@redis:6379").doesNotContain("in-url");
    // A user without a password in the URL (Redis ACL user) plus the password apart is fine.
    assertThat(DashboardConfig.load(List.of(), Map.of("REDIS_URL", "redis://jvc@redis:6379",
        "REDIS_PASSWORD", "separate")).redisPassword()).isEqualTo("separate");
  }

  @Test
  void emptyRedisUrlMeansMemoryOnly() {
    assertThat(DashboardConfig.load(List.of(), Map.of("REDIS_URL", "")).redisUrl()).isNull();
  }

  @Test
  void helpListsEveryVariable() {
    for (DashboardConfig.Key k : DashboardConfig.Key.values()) {
      assertThat(DashboardConfig.help()).contains(k.spec().flag()).contains(k.spec().env());
    }
  }

  @Test
  void aPictureMirrorOnlyWhenGiven() {
    assertThat(DashboardConfig.load(List.of(), Map.of()).pictureMirror()).isNull();
    assertThat(DashboardConfig.load(List.of("--picture-mirror", "http://127.0.0.1:8089/"), Map.of()).pictureMirror())
        .isEqualTo("http://127.0.0.1:8089");
    assertThat(DashboardConfig.load(List.of(), Map.of("JVC_PICTURE_MIRROR", "http://sim:8089")).pictureMirror())
        .isEqualTo("http://sim:8089");
    assertThatThrownBy(() -> DashboardConfig.load(List.of("--picture-mirror", "http://127.0.0.1:8089/pictures"),
        Map.of())).hasMessageContaining("--picture-mirror").hasMessageContaining("JVC_PICTURE_MIRROR")
        .hasMessageContaining("expected an origin");
  }

  @ParameterizedTest(name = "{0}={1} -> names {2} and says {3}")
  @CsvSource(delimiter = '|', value = {
      "--port                       | 65536     | JVC_DASHBOARD_PORT              | 0..65535",
      "--port                       | x         | JVC_DASHBOARD_PORT              | an integer",
      "--source                     | h:99999   | SCRAPER_ADDR                    | 1..65535",
      "--scraper-metrics-interval   | 100ms     | JVC_SCRAPER_METRICS_INTERVAL    | 200ms..10m",
      "--scraper-metrics-interval   | 11m       | JVC_SCRAPER_METRICS_INTERVAL    | 200ms..10m",
      "--scraper-metrics-interval   | 5 seconds | JVC_SCRAPER_METRICS_INTERVAL    | 500ms, 3s, 5m",
      "--scraper-metrics-url        | nope      | JVC_SCRAPER_METRICS_URL         | http(s) URL",
  })
  void aBadValueNamesTheFlagTheVariableAndTheRange(String flag, String value, String env, String accepted) {
    assertThatThrownBy(() -> DashboardConfig.load(List.of(flag, value), Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(flag).hasMessageContaining(env).hasMessageContaining(accepted);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "--scraper-metrics-interval=2s, 2000", "--scraper-metrics-interval=1m, 60000",
      "--scraper-metrics-interval-ms=2500, 2500", "--scraper-metrics-interval-ms=3s, 3000",
  })
  void theIntervalIsADurationAndTheOlderMillisecondFlagStillWorks(String arg, long millis) {
    assertThat(DashboardConfig.load(List.of(arg), Map.of()).metricsInterval().toMillis()).isEqualTo(millis);
  }

  @Test
  void theOlderMillisecondVariableStillWorksAndTheNewOneWins() {
    assertThat(DashboardConfig.load(List.of(), Map.of("JVC_SCRAPER_METRICS_INTERVAL_MS", "700"))
        .metricsInterval().toMillis()).isEqualTo(700);
    assertThat(DashboardConfig.load(List.of(), Map.of("JVC_SCRAPER_METRICS_INTERVAL_MS", "700",
        "JVC_SCRAPER_METRICS_INTERVAL", "9s")).metricsInterval().toMillis()).isEqualTo(9000);
  }

  @Test
  void theStartLogNamesEveryFlagAndHidesTheSecrets() {
    String log = io.jvcstreaming.config.Settings.load(DashboardConfig.Key.class,
        new String[] {"--stream-token", "tok-123", "--redis-url", "redis://:pw-9@r:6379"},
        Map.of("JVC_RESULTS_TOKEN", "results-token-0123456789")).describe();
    for (DashboardConfig.Key k : DashboardConfig.Key.values()) {
      assertThat(log).contains("  " + k.spec().flag() + "=");
    }
    assertThat(log).doesNotContain("tok-123").doesNotContain("pw-9").doesNotContain("results-token-0123456789")
        .contains("--stream-token=(set)  (flag --stream-token)")
        .contains("--results-token=(set)  (env JVC_RESULTS_TOKEN)")
        .contains("--port=8090  (default)");
  }

  @Test
  void theReadmeTableListsEverySettingWithItsDefault() throws Exception {
    String readme = java.nio.file.Files.readString(java.nio.file.Path.of("README.md"));
    assertThat(io.jvcstreaming.config.SettingsTable.problems(readme, DashboardConfig.Key.class)).isEmpty();
  }
}
