package io.jvcstreaming.scraper.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.jvcstreaming.scraper.source.ResponseClassifier.Verdict;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetryDecisionTest {

  @ParameterizedTest(name = "{0} retryable={1} retry-after={2} attempt={3}/{4} backoff={5}")
  @CsvSource({
      // reason,          retryable, retryAfter, attempt, max, backoff, giveUp, delay, pauseHost
      "http-503,           true,      0,          0,       3,   100,     false,  100,   false",
      "http-503,           true,      2000,       0,       3,   100,     false,  2000,  true",
      "http-503,           true,      50,         1,       3,   400,     false,  400,   true",
      "http-429,           true,      0,          0,       3,   100,     false,  100,   true",
      "challenge,          true,      0,          2,       3,   800,     false,  800,   true",
      "timeout,            true,      0,          2,       3,   800,     false,  800,   false",
      "connection,         true,      0,          3,       3,   1600,    true,   0,     false",
      "http-503,           true,      0,          0,       0,   100,     true,   0,     false",
      "http-404,           false,     0,          0,       3,   100,     true,   0,     false",
      "body-too-large,     false,     0,          0,       3,   100,     true,   0,     false",
      "bad-location,       false,     0,          0,       3,   100,     true,   0,     false",
  })
  void retriesWhatCanSucceedAndSlowsTheHostWhenAsked(String reason, boolean retryable, long retryAfter, int attempt,
      int max, long backoff, boolean giveUp, long delay, boolean pauseHost) {
    RetryDecision d = RetryDecision.after(Verdict.failed(reason, retryable, retryAfter), attempt, max, backoff);
    assertThat(d).isEqualTo(new RetryDecision(giveUp, delay, pauseHost));
  }

  @ParameterizedTest(name = "{0} attempt={1}/{2} backoff={3}")
  @CsvSource({
      // reason,           attempt, max, backoff, giveUp, delay
      "truncated html,     0,       3,   100,     false,  100",
      "truncated payload,  2,       3,   400,     false,  400",
      "truncated html,     3,       3,   800,     true,   0",
      "truncated html,     0,       0,   100,     true,   0",
      "no messages,        0,       3,   100,     true,   0",
      "challenge page,     0,       3,   100,     true,   0",
  })
  void aPageIsReadAgainOnlyWhenItWasCutShort(String reason, int attempt, int max, long backoff, boolean giveUp,
      long delay) {
    assertThat(RetryDecision.afterParseFailure(reason, attempt, max, backoff))
        .isEqualTo(new RetryDecision(giveUp, delay, false));
  }
}
