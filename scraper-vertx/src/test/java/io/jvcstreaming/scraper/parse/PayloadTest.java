package io.jvcstreaming.scraper.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Finding and decoding the page's payload literal: its quoting forms, and what of its JSON is read. */
class PayloadTest {

  private static final String JSON = "{\"topicId\":77300001,\"topicTitleField\":\"Un titre\","
      + "\"listMessage\":[{\"id\":11,\"topicId\":77300001,\"text\":\"source [[sticker]]\","
      + "\"publishedAuthorName\":\"Alice\",\"publishedAuthorIsDeleted\":false,"
      + "\"publishedDate\":\"02 juin 2026 à 22:25:06\",\"stateMessage\":\"msg-visible\","
      + "\"renderedText\":\"<p>Bonjour</p>\",\"extra\":{\"deep\":[[[{\"x\":[1,2,{\"y\":null}]}]]]}}],"
      + "\"listTopics\":[{\"id\":5,\"title\":\"autre\",\"nested\":{\"a\":[true,false]}}],"
      + "\"pagerView\":{\"currentPage\":2,\"pageCount\":7,\"pages\":[1,2,3]},"
      + "\"forum\":{\"id\":51,\"isForumReadOnly\":true,\"lockReason\":\"Flood\"}}";

  private static String gzipBase64(String json) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(json.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Base64.getEncoder().encodeToString(out.toByteArray());
  }

  /** {@code literal} with {@code B64} replaced by the encoded payload, in a page around it. */
  private static String page(String literal, String b64) {
    return "<html><script>window.jvc = {}; window.jvc.forumsAppPayload" + literal.replace("B64", b64)
        + "; var other = \"a \\\" quote\";</script></html>";
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "double quotes               | =\"B64\"",
      "single quotes, spaces       | \t=  'B64'",
      "escaped slashes             | =\"B64\"",
      "wrapped over lines          | =\"B64\"",
  })
  void theLiteralIsFoundAndDecodedInEachForm(String form, String literal) throws PageParseException {
    String b64 = gzipBase64(JSON);
    if (form.startsWith("escaped")) {
      b64 = b64.replace("/", "\\/"); // a JS string may escape its slashes
      assertThat(b64).contains("\\/");
    } else if (form.startsWith("wrapped")) {
      b64 = b64.substring(0, 10) + "\n  " + b64.substring(10);
    }
    Payload p = Payload.read(page(literal, b64));

    assertThat(p).isNotNull();
    assertThat(p.topicId).isEqualTo(77300001L);
    assertThat(p.messages).hasSize(1);
  }

  /**
   * The literal decoded as it stands (one strict run) and the general reading agree: the URL alphabet and wrapped
   * lines still decode, and a character outside ASCII is refused wherever it stands, also one above 0xFF, which a
   * copy to ISO-8859-1 turns into '?', and one of 0x80-0xFF, as a page read undecoded shows a UTF-8 byte.
   */
  @ParameterizedTest
  @ValueSource(strings = {"\u00e9", "\u0141", "\u20ac", "\u00ff", "?", "*"})
  void aLiteralHoldingAnyOtherCharacterIsBadBase64(String odd) throws PageParseException {
    String b64 = gzipBase64(JSON);
    String url = b64.replace('+', '-').replace('/', '_');
    assertThat(Payload.read(page("=\"B64\"", url)).topicId).isEqualTo(77300001L);
    assertThat(Payload.read(page("=\"B64\"", b64.substring(0, 8) + "\n" + b64.substring(8))).topicId)
        .isEqualTo(77300001L);
    for (int at : new int[] {0, 7, b64.length() / 2, b64.length()}) {
      String bad = b64.substring(0, at) + odd + b64.substring(at);
      assertThatThrownBy(() -> Payload.read(page("=\"B64\"", bad)))
          .isInstanceOf(PageParseException.class).hasMessageContaining("base64");
    }
  }

  @Test
  void theKeysItUsesAreReadAndTheOthersSkippedWhateverTheyHold() throws PageParseException {
    Payload p = Payload.read(page("=\"B64\"", gzipBase64(JSON)));

    assertThat(p.title).isEqualTo("Un titre");
    assertThat(p.currentPage).isEqualTo(2);
    assertThat(p.pageCount).isEqualTo(7);
    assertThat(p.readOnly).isTrue();
    assertThat(p.messages).containsExactly(new Payload.Message(11, 77300001, "Alice", false,
        "02 juin 2026 à 22:25:06", "msg-visible", "<p>Bonjour</p>"));
  }

  @Test
  void aPayloadCutInsideAKeyItSkipsIsStillRefused() {
    String cut = JSON.substring(0, JSON.indexOf("\"nested\"") + 12);
    assertThatThrownBy(() -> Payload.read(page("=\"B64\"", gzipBase64(cut))))
        .isInstanceOf(PageParseException.class)
        .extracting(e -> ((PageParseException) e).reason()).isEqualTo("bad payload json");
  }

  @Test
  void aLiteralWithoutItsClosingQuoteIsTruncated() {
    String html = "<script>window.jvc.forumsAppPayload=\"" + gzipBase64(JSON);
    assertThatThrownBy(() -> Payload.read(html))
        .isInstanceOf(PageParseException.class)
        .extracting(e -> ((PageParseException) e).reason()).isEqualTo("truncated payload");
  }

  @Test
  void aPageWithoutTheMarkerHasNone() throws PageParseException {
    assertThat(Payload.literalStart("<html>forumsAppPayload is a word here</html>")).isEqualTo(-1);
    assertThat(Payload.read("<html></html>")).isNull();
  }

  private static byte[] gzip(byte[] raw) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(raw);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] both = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }

  @Test
  void aGzipPayloadInflatesToExactlyItsBytes() throws PageParseException {
    byte[] json = JSON.getBytes(StandardCharsets.UTF_8);
    assertThat(Payload.maybeGunzip(gzip(json))).isEqualTo(json);
    assertThat(Payload.maybeGunzip(gzip(new byte[0]))).isEmpty();
  }

  @Test
  void aPayloadLargerThanItsSizeHintIsReadWhole() throws PageParseException {
    // two gzip members: the trailer's ISIZE is the last member's (5 bytes), the payload is both
    byte[] first = JSON.getBytes(StandardCharsets.UTF_8);
    byte[] second = "{\"a\"".getBytes(StandardCharsets.UTF_8);
    assertThat(Payload.maybeGunzip(concat(gzip(first), gzip(second)))).isEqualTo(concat(first, second));
    // zeros compress about 1000:1, beyond the hint's 32:1 bound: the growing path reads the rest
    byte[] zeros = new byte[2 * 1024 * 1024 + 7];
    assertThat(Payload.sizeHint(gzip(zeros))).isLessThan(zeros.length);
    assertThat(Payload.maybeGunzip(gzip(zeros))).isEqualTo(zeros);
  }

  @Test
  void theSizeHintIsBoundedWhateverTheTrailerClaims() {
    byte[] gz = gzip(JSON.getBytes(StandardCharsets.UTF_8));
    assertThat(Payload.sizeHint(gz)).isEqualTo(JSON.getBytes(StandardCharsets.UTF_8).length);
    byte[] claimsMore = gz.clone();
    claimsMore[claimsMore.length - 1] = (byte) 0x7f; // ISIZE near 2 GiB
    assertThat(Payload.sizeHint(claimsMore)).isEqualTo(32 * gz.length);
    assertThat(Payload.sizeHint(new byte[] {0x1f, (byte) 0x8b})).isPositive();
  }

  @Test
  void aPayloadInflatingPastTheCapIsTooLargeAndALyingTrailerIsBadGzip() {
    byte[] bomb = gzip(new byte[Payload.MAX_INFLATED_BYTES + 1]);
    assertThatThrownBy(() -> Payload.maybeGunzip(bomb))
        .isInstanceOf(PageParseException.class)
        .extracting(e -> ((PageParseException) e).reason()).isEqualTo(Payload.TOO_LARGE);
    byte[] exact = new byte[Payload.MAX_INFLATED_BYTES];
    assertThat(catchThrowable(() -> assertThat(Payload.maybeGunzip(gzip(exact))).hasSize(exact.length))).isNull();
    byte[] lying = gzip(JSON.getBytes(StandardCharsets.UTF_8));
    lying[lying.length - 4] ^= 1; // the trailer's ISIZE no longer matches what inflates
    assertThatThrownBy(() -> Payload.maybeGunzip(lying))
        .isInstanceOf(PageParseException.class)
        .extracting(e -> ((PageParseException) e).reason()).isEqualTo("bad payload gzip");
  }
}
