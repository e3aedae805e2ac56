package io.jvcstreaming.scraper.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jvcstreaming.config.Settings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigLoaderTest {

  @Test
  void defaultsPointAtTheLiveForumWithPoliteSettings() {
    ScraperConfig c = ConfigLoader.load(new String[0], Map.of());
    assertThat(c.forumUrl().toString()).isEqualTo("https://www.jeuxvideo.com/forums/0-51-0-1-0-1-0-blabla-18-25-ans.htm");
    assertThat(c.origin()).isEqualTo("https://www.jeuxvideo.com");
    assertThat(c.redisUrl()).isNull();
    assertThat(c.store()).as("durable by default on one machine").isEqualTo(StoreKind.LOCAL);
    assertThat(c.dataDir()).isEqualTo(java.nio.file.Path.of("./data"));
    assertThat(c.streamHost()).isEqualTo("127.0.0.1");
    assertThat(c.streamPort()).isEqualTo(6667);
    assertThat(c.httpPort()).isEqualTo(8080);
    assertThat(c.fetchers()).isEqualTo(60);
    assertThat(c.rate()).isEqualTo(20.0);
    assertThat(c.refreshInterval()).isEqualTo(Duration.ofSeconds(2));
    assertThat(c.listPages()).isEqualTo(2);
    assertThat(c.backfillPages()).isEqualTo(1);
    assertThat(c.logCapacity()).isGreaterThanOrEqualTo(100_000);
    assertThat(c.leaderElection()).isFalse();
  }

  @Test
  void environmentOverridesDefaultsAndFlagsOverrideEnvironment() {
    ScraperConfig c = ConfigLoader.load(new String[] {"--fetchers", "12", "--refresh-interval=750ms"},
        Map.of("JVC_FETCHERS", "30", "JVC_RATE", "5.5", "REDIS_URL", "redis://127.0.0.1:6390",
            "JVC_BACKFILL_PAGES", "all", "STREAM_TOKEN", "s3cret"));
    assertThat(c.fetchers()).isEqualTo(12);
    assertThat(c.rate()).isEqualTo(5.5);
    assertThat(c.refreshInterval()).isEqualTo(Duration.ofMillis(750));
    assertThat(c.redisUrl()).isEqualTo("redis://127.0.0.1:6390");
    assertThat(c.store()).as("auto follows REDIS_URL").isEqualTo(StoreKind.REDIS);
    assertThat(c.backfillPages()).isEqualTo(ScraperConfig.ALL_PAGES);
    assertThat(c.streamToken()).isEqualTo("s3cret");
    assertThat(c.describe()).doesNotContain("s3cret").contains("token=****");
  }

  @Test
  void topicLinksResolveAgainstTheForumUrlsOrigin() {
    ScraperConfig c = ConfigLoader.load(
        new String[] {"--forum-url", "http://127.0.0.1:8089/forums/0-51-0-1-0-1-0-blabla-18-25-ans.htm"}, Map.of());
    assertThat(c.origin()).isEqualTo("http://127.0.0.1:8089");
  }

  @Test
  void invalidValuesFailFastNamingTheKeyAndTheRange() {
    assertThatThrownBy(() -> ConfigLoader.load(new String[] {"--fetchers", "0"}, Map.of()))
        .hasMessageContaining("--fetchers").hasMessageContaining("JVC_FETCHERS").hasMessageContaining("[1, 512]");
    assertThatThrownBy(() -> ConfigLoader.load(new String[0], Map.of("JVC_RATE", "fast")))
        .hasMessageContaining("--rate").hasMessageContaining("fast");
    assertThatThrownBy(() -> ConfigLoader.load(new String[] {"--forum-url", "ftp://x/y"}, Map.of()))
        .hasMessageContaining("--forum-url");
    assertThatThrownBy(() -> ConfigLoader.load(new String[] {"--refresh-interval", "soon"}, Map.of()))
        .hasMessageContaining("--refresh-interval").hasMessageContaining("duration");
    assertThatThrownBy(() -> ConfigLoader.load(new String[] {"--redis-url", "localhost:6379"}, Map.of()))
        .hasMessageContaining("REDIS_URL");
    assertThatThrownBy(() -> ConfigLoader.load(new String[] {"--stream-port", "70000"}, Map.of()))
        .hasMessageContaining("--stream-port");
    assertThatThrownBy(() -> ConfigLoader.load(new String[] {"--backfill-pages", "0"}, Map.of()))
        .hasMessageContaining("--backfill-pages");
    assertThatThrownBy(() -> ConfigLoader.load(new String[] {"--log-capacity", "10"}, Map.of()))
        .hasMessageContaining("--log-capacity");
    assertThatThrownBy(() -> ConfigLoader.load(new String[] {"--bogus", "1"}, Map.of()))
        .hasMessageContaining("unknown option '--bogus'");
    assertThatThrownBy(() -> ConfigLoader.load(new String[] {"--leader-election"}, Map.of()))
        .hasMessageContaining("POD_NAMESPACE");
  }

  @Test
  void storeAndDataDirComeFromFlagsOrEnvironment() {
    ScraperConfig c = ConfigLoader.load(new String[] {"--data-dir", "/var/lib/jvc"}, Map.of("JVC_STORE", "local"));
    assertThat(c.store()).isEqualTo(StoreKind.LOCAL);
    assertThat(c.dataDir()).isEqualTo(java.nio.file.Path.of("/var/lib/jvc"));
    assertThat(c.describe()).contains("store=local /var/lib/jvc");
    ScraperConfig m = ConfigLoader.load(new String[] {"--store", "memory"}, Map.of("JVC_DATA_DIR", "/x"));
    assertThat(m.store()).isEqualTo(StoreKind.MEMORY);
    assertThat(m.describe()).contains("nothing survives a restart");
    assertThatThrownBy(() -> ConfigLoader.load(new String[] {"--store", "redis"}, Map.of()))
        .hasMessageContaining("REDIS_URL");
    assertThatThrownBy(() -> ConfigLoader.load(new String[] {"--data-dir", " "}, Map.of()))
        .hasMessageContaining("--data-dir");
    assertThatThrownBy(() -> ConfigLoader.load(new String[] {"--leader-election", "--pod-namespace", "ns"}, Map.of()))
        .as("replicas need one shared store").hasMessageContaining("--leader-election");
  }

  @Test
  void redisPasswordsAreMaskedInTheDescription() {
    ScraperConfig c = ConfigLoader.load(new String[] {"--redis-url", "redis://user:hunter2@redis:6379/0"}, Map.of());
    assertThat(c.describe()).doesNotContain("hunter2").contains("redis://user:****@redis:6379/0");
  }

  @Test
  void helpListsEveryFlagWithItsVariableAndDefault() {
    String help = ConfigLoader.help();
    for (Setting s : Setting.values()) {
      assertThat(help).contains(s.spec().flag()).contains(s.spec().env());
    }
  }

  @ParameterizedTest(name = "{0} {1} -> names {2} and says {3}")
  @CsvSource(delimiter = '|', value = {
      "--stream-port         | 65536      | JVC_STREAM_PORT         | an integer in [0, 65535]",
      "--http-port           | http       | JVC_HTTP_PORT           | an integer",
      "--fetchers            | 513        | JVC_FETCHERS            | [1, 512]",
      "--rate                | 0.01       | JVC_RATE                | [0.1, 1000]",
      "--refresh-interval    | 50ms       | JVC_REFRESH_INTERVAL    | a duration in [100ms, 1h]",
      "--refresh-interval    | 2 seconds  | JVC_REFRESH_INTERVAL    | a duration such as 500ms, 3s, 5m",
      "--list-pages          | 0          | JVC_LIST_PAGES          | [1, 200]",
      "--backfill-pages      | some       | JVC_BACKFILL_PAGES      | an integer",
      "--request-timeout     | 6m         | JVC_REQUEST_TIMEOUT     | a duration in [100ms, 5m]",
      "--max-body-bytes      | 1024       | JVC_MAX_BODY_BYTES      | [65536, 67108864]",
      "--max-retries         | 21         | JVC_MAX_RETRIES         | [0, 20]",
      "--backoff-max         | 100ms      | JVC_BACKOFF_MAX         | a duration in [500ms, 1h]",
      "--client-buffer-bytes | 1          | JVC_CLIENT_BUFFER_BYTES | [16384, 268435456]",
      "--handshake-timeout   | 31s        | JVC_HANDSHAKE_TIMEOUT   | a duration in [0ms, 30s]",
      "--leader-election     | maybe      | JVC_LEADER_ELECTION     | true or false",
      "--lease-duration      | 0s         | JVC_LEASE_DURATION      | a duration in [1s, 5m]",
      "--store               | disk       | JVC_STORE               | auto",
  })
  void aBadValueNamesTheFlagTheVariableAndTheRange(String flag, String value, String env, String accepted) {
    assertThatThrownBy(() -> ConfigLoader.load(new String[] {flag, value}, Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(flag).hasMessageContaining(env).hasMessageContaining(accepted);
  }

  @ParameterizedTest(name = "{0} -> {1} ms")
  @CsvSource({"2s, 2000", "750ms, 750", "1.5s, 1500", "1m, 60000", "3, 3000", "1min, 60000"})
  void durationsHaveOneFormatAndABareNumberIsSeconds(String value, long millis) {
    assertThat(ConfigLoader.load(new String[] {"--refresh-interval", value}, Map.of()).refreshInterval())
        .isEqualTo(Duration.ofMillis(millis));
  }

  @Test
  void theStartLogNamesEverySettingByItsFlagAndHidesTheToken() {
    String log = Settings.load(Setting.class, new String[] {"--rate", "5"},
        Map.of("STREAM_TOKEN", "s3cret", "REDIS_URL", "redis://u:hunter2@r:6379")).describe();
    for (Setting s : Setting.values()) {
      assertThat(log).contains("  " + s.spec().flag() + "=");
    }
    assertThat(log).doesNotContain("s3cret").doesNotContain("hunter2")
        .contains("--stream-token=(set)  (env STREAM_TOKEN)").contains("--rate=5  (flag --rate)")
        .contains("--fetchers=60  (default)");
  }
}
