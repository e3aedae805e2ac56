package io.jvcstreaming.scraper.log;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BookmarkRetentionTest {

  private static final long DAY = 86_400_000L;

  @ParameterizedTest(name = "touched {0} days ago -> expired {1}")
  @CsvSource({"0, false", "7, false", "89, false", "90, false", "91, true", "365, true"})
  void aBookmarkLivesNinetyDaysFromItsLastAppend(long daysAgo, boolean expired) {
    long now = 1_764_000_000_000L;
    assertThat(BookmarkRetention.expired(now - daysAgo * DAY, now)).isEqualTo(expired);
  }

  @ParameterizedTest(name = "Redis TTL is the same {0} s")
  @CsvSource("7776000")
  void redisUsesTheSameRetention(long seconds) {
    assertThat(RedisPostLog.BOOKMARK_TTL_SECONDS).isEqualTo(seconds);
  }
}
