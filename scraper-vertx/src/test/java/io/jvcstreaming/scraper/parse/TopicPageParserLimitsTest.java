package io.jvcstreaming.scraper.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jvcstreaming.codec.PostCodec;
import io.jvcstreaming.model.Post;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Pages that would make a post longer than readers take, or a payload that inflates without end. */
class TopicPageParserLimitsTest {

  private static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
    }
    return out.toByteArray();
  }

  /** {@code {} } padded with spaces (valid JSON whitespace) to {@code size} bytes. */
  private static byte[] paddedJson(int size) {
    byte[] json = new byte[size];
    java.util.Arrays.fill(json, (byte) ' ');
    json[0] = '{';
    json[size - 1] = '}';
    return json;
  }

  @Test
  @DisplayName("a post whose line would exceed the 1 MiB readers take is cut to fit, marked, and reported")
  void aHugePostIsCutToTheLineCap() throws Exception {
    String html = Pages.load("topic-2026-example.html")
        .replace("Moi&nbsp;! &Ccedil;a me va tr&egrave;s bien", "Moi " + "encore ".repeat(300_000));
    TopicPage page = TopicPageParser.parseHtml(html, Pages.EXAMPLE_URL);
    Post post = page.posts().get(0);
    assertThat(PostCodec.encodeLine(post.withSeq(Long.MAX_VALUE)).length - 1)
        .isLessThanOrEqualTo(PostCodec.MAX_LINE_BYTES);
    assertThat(post.text()).startsWith("Moi encore encore").endsWith(PostLineCap.MARKER);
    assertThat(page.truncatedPosts()).containsExactly(1320000042L);
    assertThat(page.skippedMessages()).isZero();
  }

  @Test
  void anOrdinaryPageReportsNoTruncation() throws Exception {
    TopicPage page = TopicPageParser.parse(Pages.load("topic-2026-p1.html"), Pages.P1_URL);
    assertThat(page.truncatedPosts()).isEmpty();
    assertThat(page.payloadProblem()).isNull();
  }

  @Test
  @DisplayName("a payload that inflates past the cap is refused: the page is read from its markup and says why")
  void aGzipBombPayloadIsSkippedForTheMarkup() throws Exception {
    byte[] bomb = gzip(paddedJson(Payload.MAX_INFLATED_BYTES + 1024));
    assertThat(bomb.length).as("the bomb is small").isLessThan(64 * 1024);
    String html = Pages.load("topic-2026-p1.html").replaceFirst("forumsAppPayload=\"[^\"]*\"",
        "forumsAppPayload=\"" + Base64.getEncoder().encodeToString(bomb) + "\"");
    TopicPage page = TopicPageParser.parse(html, Pages.P1_URL);
    assertThat(page.source()).isEqualTo(TopicPage.Source.HTML);
    assertThat(page.posts()).hasSize(18);
    assertThat(page.payloadProblem()).isEqualTo("payload too large");
    assertThatThrownBy(() -> TopicPageParser.parsePayload(html, Pages.P1_URL))
        .isInstanceOf(PageParseException.class).hasMessageContaining("payload too large");
  }

  @Test
  void inflationStopsAtTheCapAndKeepsWhatIsUnder() throws Exception {
    assertThatThrownBy(() -> Payload.maybeGunzip(gzip(new byte[Payload.MAX_INFLATED_BYTES + 1])))
        .isInstanceOf(PageParseException.class).hasMessageContaining("payload too large");
    byte[] small = "{\"topicId\": 1}".getBytes(StandardCharsets.UTF_8);
    assertThat(Payload.maybeGunzip(gzip(small))).isEqualTo(small);
    assertThat(Payload.maybeGunzip(gzip(new byte[Payload.MAX_INFLATED_BYTES]))).hasSize(Payload.MAX_INFLATED_BYTES);
  }
}
