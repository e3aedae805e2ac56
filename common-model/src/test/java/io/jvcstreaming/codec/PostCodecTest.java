package io.jvcstreaming.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jvcstreaming.model.Post;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PostCodecTest {

  private static Post post(String text, List<String> stickers) {
    return new Post(42, 1_320_000_042L, 77_300_123L, "Le café du matin ☕", "PetitNuage_42",
        Instant.parse("2026-11-25T20:04:33Z"), text, stickers,
        "https://www.jeuxvideo.com/forums/42-51-77300123-1-0-1-0-le-cafe-du-matin.htm");
  }

  @Test
  @DisplayName("a post survives a round trip field by field")
  void roundTrip() throws Exception {
    Post original = post("Moi ! Ça me va très bien",
        List.of("https://image.noelshack.com/fichiers/2026/48/3/1764100000-chat-content.jpg"));
    assertThat(PostCodec.decode(PostCodec.encode(original))).isEqualTo(original);
  }

  @Test
  void postedAtIsWrittenInParisTimeWithItsOffset() {
    String json = PostCodec.encode(post("x", List.of()));
    assertThat(json).contains("\"postedAt\":\"2026-11-25T21:04:33+01:00\"");
    assertThat(json).startsWith("{\"seq\":42,\"id\":1320000042,\"topicId\":77300123,");
  }

  @Test
  void summerTimeUsesTheCestOffset() {
    assertThat(PostCodec.formatInstant(Instant.parse("2026-07-27T11:59:20Z"))).isEqualTo("2026-07-27T13:59:20+02:00");
  }

  @Test
  @DisplayName("accents, 4-byte emoji and newlines inside the text stay on one line and come back intact")
  void accentsEmojiAndNewlines() throws Exception {
    Post original = post("Ligne 1\nLigne 2 « guillemets » é à ç 😂🤡 \"quoted\" \\ back\tslash\r", List.of());
    byte[] line = PostCodec.encodeLine(original);
    int newlines = 0;
    for (byte b : line) {
      if (b == '\n') {
        newlines++;
      }
    }
    assertThat(newlines).as("exactly one newline: the terminator").isEqualTo(1);
    assertThat(line[line.length - 1]).isEqualTo((byte) '\n');
    assertThat(PostCodec.decode(line, 0, line.length - 1)).isEqualTo(original);
  }

  @Test
  void unknownFieldsAreIgnored() throws Exception {
    String json = PostCodec.encode(post("hello", List.of("s1")));
    String withExtras = "{\"future\":{\"nested\":[1,2,{\"a\":null}]},\"flag\":true," + json.substring(1, json.length() - 1)
        + ",\"score\":3.5}";
    assertThat(PostCodec.decode(withExtras)).isEqualTo(post("hello", List.of("s1")));
  }

  @Test
  void trailingCarriageReturnAndNewlineAreTolerated() throws Exception {
    Post original = post("x", List.of());
    assertThat(PostCodec.decode(PostCodec.encode(original) + "\r\n")).isEqualTo(original);
  }

  @Test
  void emptyTextIsAllowedAndMissingOptionalFieldsDefault() throws Exception {
    Post decoded = PostCodec.decode(
        "{\"seq\":1,\"id\":5,\"topicId\":6,\"author\":\"a\",\"postedAt\":\"2026-01-01T00:00:00+01:00\"}");
    assertThat(decoded.text()).isEmpty();
    assertThat(decoded.stickers()).isEmpty();
    assertThat(decoded.topic()).isEmpty();
    assertThat(decoded.url()).isEmpty();
  }

  @Test
  void truncatedLineIsRejected() {
    String json = PostCodec.encode(post("hello", List.of()));
    assertThatThrownBy(() -> PostCodec.decode(json.substring(0, json.length() / 2)))
        .isInstanceOf(MalformedLineException.class);
  }

  @Test
  void garbageIsRejectedWithAnExcerpt() {
    assertThatThrownBy(() -> PostCodec.decode("GET / HTTP/1.1"))
        .isInstanceOf(MalformedLineException.class).hasMessageContaining("GET /");
    assertThatThrownBy(() -> PostCodec.decode("[1,2,3]")).isInstanceOf(MalformedLineException.class);
    assertThatThrownBy(() -> PostCodec.decode("")).isInstanceOf(MalformedLineException.class);
    assertThatThrownBy(() -> PostCodec.decode("{} {}")).isInstanceOf(MalformedLineException.class);
  }

  @Test
  void missingRequiredFieldsAndWrongTypesAreRejected() {
    assertThatThrownBy(() -> PostCodec.decode("{\"seq\":1,\"id\":5,\"topicId\":6,\"postedAt\":\"2026-01-01T00:00:00Z\"}"))
        .isInstanceOf(MalformedLineException.class).hasMessageContaining("author");
    assertThatThrownBy(() -> PostCodec.decode(
        "{\"seq\":1,\"id\":\"5\",\"topicId\":6,\"author\":\"a\",\"postedAt\":\"2026-01-01T00:00:00Z\"}"))
        .isInstanceOf(MalformedLineException.class).hasMessageContaining("'id'");
    assertThatThrownBy(() -> PostCodec.decode(
        "{\"seq\":1,\"id\":5,\"topicId\":6,\"author\":\"a\",\"postedAt\":\"hier\"}"))
        .isInstanceOf(MalformedLineException.class).hasMessageContaining("postedAt");
    assertThatThrownBy(() -> PostCodec.decode(
        "{\"seq\":1,\"id\":-5,\"topicId\":6,\"author\":\"a\",\"postedAt\":\"2026-01-01T00:00:00Z\"}"))
        .isInstanceOf(MalformedLineException.class).hasMessageContaining("id must be positive");
    assertThatThrownBy(() -> PostCodec.decode(
        "{\"seq\":1,\"id\":5,\"topicId\":6,\"author\":\" \",\"postedAt\":\"2026-01-01T00:00:00Z\"}"))
        .isInstanceOf(MalformedLineException.class).hasMessageContaining("author");
  }

  @Test
  void overLongInputIsRejectedBeforeParsing() {
    byte[] huge = new byte[PostCodec.MAX_LINE_BYTES + 10];
    java.util.Arrays.fill(huge, (byte) 'a');
    assertThatThrownBy(() -> PostCodec.decode(huge, 0, huge.length))
        .isInstanceOf(MalformedLineException.class).hasMessageContaining("exceeds the limit");
  }

  @Test
  void invalidUtf8IsRejectedNotGarbled() {
    byte[] bad = "{\"seq\":1,\"id\":5,\"topicId\":6,\"author\":\"X\",\"postedAt\":\"2026-01-01T00:00:00Z\"}"
        .getBytes(StandardCharsets.UTF_8);
    bad[bad.length - 30] = (byte) 0xC3; // inside the author string: a lead byte with no continuation
    bad[bad.length - 29] = (byte) 0x28;
    assertThatThrownBy(() -> PostCodec.decode(bad, 0, bad.length)).isInstanceOf(MalformedLineException.class);
  }

  @Test
  @DisplayName("the size hint holds the whole line of French text with stickers, emoji and escapes")
  void lineSizeHintHoldsTheLine() {
    List<String> stickers = List.of("https://image.jeuxvideo.com/stickers/p/1kki", "https://image.jeuxvideo.com/stickers/p/1lmk",
        "https://image.jeuxvideo.com/stickers/p/zuc", "https://image.jeuxvideo.com/stickers/p/1jnh");
    for (Post p : List.of(post("", List.of()), post("Ça va ? J’ai vu « ça » hier… 😂😂", stickers),
        post("quote \"x\" \\ / tab\t line\nend", stickers), post("é".repeat(500), List.of()))) {
      assertThat(PostCodec.encodeLine(p).length).as(p.text()).isLessThanOrEqualTo(PostCodec.lineSizeHint(p));
    }
  }
}
