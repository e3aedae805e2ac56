package io.jvcstreaming.scraper.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.jvcstreaming.scraper.source.ResponseClassifier.Verdict;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The status ladder, one row per kind of answer the forum (or Cloudflare in front of it) gives. */
class ResponseClassifierTest {

  private static final String URL = "https://www.jeuxvideo.com/forums/42-51-1-2-0-1-0-t.htm";
  private static final String FORUM_PAGE = "<html><div id=\"listMessages\"></div>jeuxvideo.com</html>";
  private static final String CF_PAGE = "<html><title>Just a moment...</title>"
      + "<script src=\"/cdn-cgi/challenge-platform/x.js\"></script>cf-chl</html>";

  private static Verdict classify(int status, String headers, String body) {
    Map<String, String> h = new HashMap<>();
    if (headers != null && !headers.isBlank()) {
      for (String kv : headers.split(";")) {
        int eq = kv.indexOf('=');
        h.put(kv.substring(0, eq).strip(), kv.substring(eq + 1).strip());
      }
    }
    String text = switch (body == null ? "" : body) {
      case "forum" -> FORUM_PAGE;
      case "cf" -> CF_PAGE;
      default -> body == null ? "" : body;
    };
    return ResponseClassifier.classify(URL, status, h::get, cs -> text);
  }

  @ParameterizedTest(name = "{0} [{1}] {2} -> {3}/{4}")
  @CsvSource(delimiter = '|', nullValues = "null", value = {
      // status | headers                                   | body  | outcome or reason   | retryable | retry-after
      "200 | Content-Type=text/html; charset=UTF-8          | forum | ok                  | false     | 0",
      "200 |                                                | forum | ok                  | false     | 0",
      "200 | Content-Type=application/xhtml+xml             | forum | ok                  | false     | 0",
      "200 | Content-Type=application/json                  | forum | wrong-content-type  | false     | 0",
      "200 | Content-Type=text/html                         | cf    | challenge           | true      | 0",
      "200 | Content-Type=text/html                         | hello | challenge           | true      | 0",
      "200 | Content-Type=text/html;cf-mitigated=challenge  | forum | challenge           | true      | 0",
      "304 |                                                | null  | not_modified        | false     | 0",
      "301 | Location=/forums/42-51-1-1-0-1-0-t.htm         | null  | redirect            | false     | 0",
      "302 | Location=https://www.jeuxvideo.com/forums.htm  | null  | redirect            | false     | 0",
      "302 | Location=http://[::1/x y                       | null  | bad-location        | false     | 0",
      "302 | Location=mailto:a@b                            | null  | bad-location        | false     | 0",
      "302 |                                                | null  | http-302            | false     | 0",
      "404 |                                                | null  | gone                | false     | 0",
      "410 |                                                | forum | gone                | false     | 0",
      "403 | cf-mitigated=challenge                         | null  | challenge           | true      | 0",
      "403 | cf-mitigated=challenge;Retry-After=7           | null  | challenge           | true      | 7000",
      "403 |                                                | cf    | challenge           | true      | 0",
      "403 |                                                | forum | http-403            | false     | 0",
      "503 |                                                | cf    | challenge           | true      | 0",
      "503 | Retry-After=3                                  | forum | http-503            | true      | 3000",
      "500 |                                                | null  | http-500            | true      | 0",
      "429 | Retry-After=120                                | null  | http-429            | true      | 120000",
      "429 | Retry-After=99999                              | null  | http-429            | true      | 300000",
      "429 | Retry-After=Wed, 21 Oct 2026 07:28:00 GMT      | null  | http-429            | true      | 5000",
      "400 |                                                | null  | http-400            | false     | 0",
      "204 |                                                | null  | http-204            | false     | 0",
  })
  void classifiesEveryKindOfAnswer(int status, String headers, String body, String expected, boolean retryable,
      long retryAfter) {
    Verdict v = classify(status, headers, body);
    if (v.isDone()) {
      assertThat(v.result().outcome().label()).isEqualTo(expected);
      assertThat(v.result().status()).isEqualTo(status);
    } else {
      assertThat(v.reason()).isEqualTo(expected);
      assertThat(v.retryable()).as("retryable").isEqualTo(retryable);
      assertThat(v.retryAfterMillis()).as("retry-after").isEqualTo(retryAfter);
    }
    assertThat(v.isDone() ? v.result().outcome().label() : v.reason()).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "/forums/42-51-1-1-0-1-0-t.htm     | https://www.jeuxvideo.com/forums/42-51-1-1-0-1-0-t.htm",
      "' https://x/y '                   | https://x/y",
  })
  void aRedirectCarriesItsAbsoluteTarget(String location, String absolute) {
    Verdict v = classify(302, "Location=" + location, null);
    assertThat(v.result().location()).isEqualTo(absolute);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "text/html; charset=UTF-8        | UTF-8",
      "text/html; charset=\"ISO-8859-1\" | ISO-8859-1",
      "text/html; charset=nope-42      | UTF-8",
      "text/html                       | UTF-8",
  })
  void decodesThePageWithItsDeclaredCharset(String contentType, String charset) {
    assertThat(ResponseClassifier.charsetOf(contentType).name()).isEqualTo(charset);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "timeout | java.util.concurrent.TimeoutException |                       | true",
      "timeout | java.lang.RuntimeException             | Connection Timeout!  | true",
      "connection | java.net.ConnectException           | Connection refused   | true",
      "body-too-large | BODY                            |                      | false",
  })
  void aRequestWithoutAnswerIsRetriedUnlessItsBodyWasTooLarge(String reason, String type, String message,
      boolean retryable) throws Exception {
    Throwable e = type.equals("BODY") ? new BoundedBody.BodyTooLargeException(10)
        : type.equals(TimeoutException.class.getName()) ? new TimeoutException()
        : (Throwable) Class.forName(type).getConstructor(String.class).newInstance(message);
    Verdict v = ResponseClassifier.noAnswer(e);
    assertThat(v.reason()).isEqualTo(reason);
    assertThat(v.retryable()).isEqualTo(retryable);
    assertThat(v.isDone()).isFalse();
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', nullValues = "null", value = {
      "null | true", "'' | true", "text/html | true", "TEXT/HTML; charset=utf-8 | true",
      "application/xhtml+xml | true", "application/json | false", "image/png | false",
  })
  void htmlOrNoContentTypeOnly(String contentType, boolean html) {
    assertThat(ResponseClassifier.isHtml(contentType)).isEqualTo(html);
  }

  @org.junit.jupiter.api.Test
  void theBodyIsDecodedOnlyWithTheDeclaredCharset() {
    byte[] latin1 = "<html>caf\u00e9 jeuxvideo.com<div id=\"listMessages\"></div></html>"
        .getBytes(StandardCharsets.ISO_8859_1);
    Verdict v = ResponseClassifier.classify(URL, 200, Map.of("Content-Type", "text/html; charset=ISO-8859-1")::get,
        cs -> new String(latin1, cs));
    assertThat(v.result().body().text()).contains("caf\u00e9");
  }

  /** A UTF-8 page is read undecoded, as ISO-8859-1 ({@link PageText}), and decoded as UTF-8 when its text is asked for. */
  @org.junit.jupiter.api.Test
  void aUtf8PageIsDecodedOnlyWhenItsTextIsRead() {
    String page = "<html>caf\u00e9 \u00e0 l'\u0153il \ud83d\ude00<div id=\"listMessages\"></div></html>";
    byte[] utf8 = page.getBytes(StandardCharsets.UTF_8);
    List<Charset> asked = new ArrayList<>();
    Verdict v = ResponseClassifier.classify(URL, 200, Map.of("Content-Type", "text/html; charset=UTF-8")::get,
        cs -> {
          asked.add(cs);
          return new String(utf8, cs);
        });
    assertThat(asked).containsExactly(StandardCharsets.ISO_8859_1);
    assertThat(v.result().body().structure()).hasSize(utf8.length).contains("id=\"listMessages\"");
    assertThat(v.result().body().text()).isEqualTo(page);
  }

  /** A charset in which ASCII is not one byte per character is decoded at once, and still read right. */
  @org.junit.jupiter.api.Test
  void aUtf16PageIsDecodedAtOnce() {
    String page = "<html>caf\u00e9<div id=\"listMessages\"></div></html>";
    byte[] utf16 = page.getBytes(StandardCharsets.UTF_16);
    Verdict v = ResponseClassifier.classify(URL, 200, Map.of("Content-Type", "text/html; charset=UTF-16")::get,
        cs -> new String(utf16, cs));
    assertThat(v.isDone()).isTrue();
    assertThat(v.result().body().text()).isEqualTo(page);
    assertThat(v.result().body().structure()).isEqualTo(page);
  }
}
