package io.jvcstreaming.simulator.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Whether a forum page answers 304 to a conditional request (RFC 9110 §13.1). */
class ConditionalTest {

  private static final String ETAG = "\"t77012346-v5-p1\"";
  private static final long MODIFIED = Instant.parse("2026-11-25T21:00:00Z").toEpochMilli();

  private record Row(String ifNoneMatch, String ifModifiedSince, boolean notModified) {
  }

  @Test
  void validatorsDecideTheAnswer() {
    Stream.of(
        new Row(null, null, false),
        new Row(ETAG, null, true),
        new Row("W/" + ETAG, null, true),
        new Row("\"other\", " + ETAG, null, true),
        new Row("*", null, true),
        new Row("\"other\"", null, false),
        // If-None-Match wins over a date that alone would give a 304
        new Row("\"other\"", "Wed, 25 Nov 2026 22:00:00 GMT", false),
        new Row(null, "Wed, 25 Nov 2026 21:00:00 GMT", true),
        new Row(null, " Wed, 25 Nov 2026 22:00:00 GMT ", true),
        new Row(null, "Wed, 25 Nov 2026 20:59:59 GMT", false),
        new Row(null, "yesterday", false)
    ).forEach(row -> assertThat(Conditional.notModified(row.ifNoneMatch(), row.ifModifiedSince(), ETAG, MODIFIED))
        .as("If-None-Match %s, If-Modified-Since %s", row.ifNoneMatch(), row.ifModifiedSince())
        .isEqualTo(row.notModified()));
  }

  @Test
  void lastModifiedIsAnRfc1123DateThatReadsBack() {
    String date = Conditional.httpDate(MODIFIED);
    assertThat(date).isEqualTo("Wed, 25 Nov 2026 21:00:00 GMT");
    assertThat(Conditional.notModified(null, date, ETAG, MODIFIED)).isTrue();
  }
}
