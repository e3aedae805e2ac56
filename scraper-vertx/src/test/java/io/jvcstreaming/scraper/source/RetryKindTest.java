package io.jvcstreaming.scraper.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.jvcstreaming.scraper.parse.PageParseException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetryKindTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "http-503, 503",
      "http-429, 429",
      "http-500, 5xx",
      "http-502, 5xx",
      "challenge, challenge",
      "timeout, timeout",
      "connection, connection",
      "http-418, other",
  })
  void anAttemptsReasonNamesItsKind(String reason, String kind) {
    assertThat(RetryKind.ofAttempt(reason)).isEqualTo(kind);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "truncated html, cut-page",
      "truncated payload, cut-page",
      "no messages, parse-error",
      "bad payload json, parse-error",
  })
  void aTopicThatDidNotParseIsACutPageOrAParseError(String reason, String kind) {
    assertThat(RetryKind.ofTopic(new PageParseException(reason))).isEqualTo(kind);
  }

  @org.junit.jupiter.api.Test
  void aTopicWhoseFetchGaveUpIsAFetchFailure() {
    assertThat(RetryKind.ofTopic(new FetchException("http://h/x", "http-503"))).isEqualTo("fetch-failed");
    assertThat(RetryKind.ofTopic(new IllegalStateException("boom"))).isEqualTo("other");
  }
}
