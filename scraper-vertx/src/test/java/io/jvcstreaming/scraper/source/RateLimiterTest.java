package io.jvcstreaming.scraper.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Slots on a hand-driven clock: each row is a script of steps and the waits the limiter gives. */
class RateLimiterTest {

  private static final long MS = 1_000_000;

  /**
   * Steps: {@code a} acquire (its wait is recorded), {@code +N} the clock moves N ms, {@code pN} pauseFor(N ms).
   */
  @ParameterizedTest(name = "{0}/s: {1} -> {2}")
  @CsvSource(delimiter = '|', value = {
      "10  | a a a               | 0 100 200",
      "10  | a +100 a +100 a     | 0 0 0",
      "10  | a +30 a             | 0 70",
      "10  | +500 a a            | 0 100",
      "2   | a a a               | 0 500 1000",
      "10  | p1000 a a           | 1000 1100",
      "10  | a a p50 a           | 0 100 200",
      "10  | a +1000 p300 a      | 0 300",
      "4   | a a +250 a          | 0 250 250",
      "1000 | a a a              | 0 1 2",
  })
  void spacesRequestsEvenlyAndHonoursPauses(double perSecond, String script, String waits) {
    AtomicLong now = new AtomicLong(7_000 * MS);
    RateLimiter limiter = new RateLimiter(perSecond, now::get);
    StringBuilder got = new StringBuilder();
    for (String step : script.trim().split("\\s+")) {
      if (step.equals("a")) {
        got.append(got.length() == 0 ? "" : " ").append(limiter.acquire());
      } else if (step.startsWith("+")) {
        now.addAndGet(Long.parseLong(step.substring(1)) * MS);
      } else if (step.startsWith("p")) {
        limiter.pauseFor(Long.parseLong(step.substring(1)));
      }
    }
    assertThat(got.toString()).isEqualTo(waits);
  }
}
