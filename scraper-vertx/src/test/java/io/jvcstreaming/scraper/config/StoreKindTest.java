package io.jvcstreaming.scraper.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The --store decision: auto follows REDIS_URL, explicit choices that contradict it are refused. */
class StoreKindTest {

  @ParameterizedTest(name = "--store {0} with REDIS_URL \"{1}\" -> {2}")
  @CsvSource(nullValues = "null", value = {
      "auto,   redis://r:6379, REDIS",
      "auto,   null,           LOCAL",
      "auto,   '',             LOCAL",
      "AUTO,   null,           LOCAL",
      "'',     null,           LOCAL",
      "redis,  redis://r:6379, REDIS",
      "local,  null,           LOCAL",
      "' Local ', null,        LOCAL",
      "memory, null,           MEMORY"})
  void resolves(String store, String redisUrl, StoreKind expected) {
    assertThat(StoreKind.resolve(store, redisUrl)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "--store {0} with REDIS_URL \"{1}\" is refused: {2}")
  @CsvSource(nullValues = "null", value = {
      "redis,  null,           needs --redis-url",
      "local,  redis://r:6379, unset REDIS_URL",
      "memory, redis://r:6379, unset REDIS_URL",
      "disk,   null,           auto, redis, local or memory"})
  void refuses(String store, String redisUrl, String message) {
    assertThatThrownBy(() -> StoreKind.resolve(store, redisUrl))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message).hasMessageContaining("--store");
  }
}
