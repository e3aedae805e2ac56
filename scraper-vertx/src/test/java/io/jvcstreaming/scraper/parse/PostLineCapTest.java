package io.jvcstreaming.scraper.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.jvcstreaming.codec.PostCodec;
import io.jvcstreaming.model.Post;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** One line limit for writer and readers: a post in, unchanged / cut to fit / skipped out. */
class PostLineCapTest {

  private static final int MAX = PostCodec.MAX_LINE_BYTES;

  enum Expect { UNCHANGED, TRUNCATED, SKIPPED }

  private static Post post(String topic, String text, List<String> stickers) {
    return new Post(Post.UNSEQUENCED, 1_320_000_042L, 77_300_123L, topic, "PetitNuage_42",
        Instant.parse("2026-11-25T20:04:33Z"), text, stickers, "https://www.jeuxvideo.com/forums/42-51-77300123-1-0-1-0-x.htm");
  }

  private static List<String> stickers(int n) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add("https://image.noelshack.com/fichiers/2026/48/3/" + (1764100000L + i) + "-chat-content.jpg");
    }
    return out;
  }

  /** name, post, expectation, how far under the cap a cut line may end (the granularity of the cut). */
  static Stream<Arguments> table() {
    return Stream.of(
        Arguments.of("a normal post", post("Le café", "Moi ! Ça me va très bien", stickers(2)), Expect.UNCHANGED, 0),
        Arguments.of("empty text", post("t", "", List.of()), Expect.UNCHANGED, 0),
        Arguments.of("600 KB encoded: over the quick bound, fits once measured",
            post("t", "é".repeat(300_000), List.of()), Expect.UNCHANGED, 0),
        Arguments.of("just under the cap, measured", post("t", "a".repeat(MAX - 400), List.of()), Expect.UNCHANGED, 0),
        Arguments.of("2 MiB of ASCII", post("t", "mot ".repeat(512 * 1024), List.of()), Expect.TRUNCATED, 8),
        Arguments.of("1 MiB of 2-byte chars", post("t", "é".repeat(600_000), List.of()), Expect.TRUNCATED, 8),
        Arguments.of("emoji (surrogate pairs) are never split", post("t", "😂".repeat(300_000), List.of()),
            Expect.TRUNCATED, 12),
        Arguments.of("control chars escape to 6 bytes each", post("t", "\u0001".repeat(200_000), List.of()),
            Expect.TRUNCATED, 12),
        Arguments.of("quotes and backslashes escape to 2 bytes", post("t", "\"\\".repeat(300_000), List.of()),
            Expect.TRUNCATED, 8),
        Arguments.of("tens of thousands of stickers", post("t", "regardez", stickers(20_000)), Expect.TRUNCATED,
            200),
        Arguments.of("a title over the cap cannot fit", post("x".repeat(MAX + 10), "hi", List.of()), Expect.SKIPPED, 0));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("table")
  void fitsEveryPostUnderTheReadersLimit(String name, Post in, Expect expect, int slack) {
    Post out = PostLineCap.fit(in);
    switch (expect) {
      case UNCHANGED -> assertThat(out).isSameAs(in);
      case SKIPPED -> assertThat(out).isNull();
      case TRUNCATED -> {
        assertThat(out).isNotNull();
        int bytes = PostLineCap.lineBytes(out);
        assertThat(bytes).as("encoded line, largest seq").isLessThanOrEqualTo(MAX).isGreaterThan(MAX - slack);
        assertThat(out.text()).endsWith(PostLineCap.MARKER);
        String kept = out.text().substring(0, out.text().length() - PostLineCap.MARKER.length());
        assertThat(in.text()).startsWith(kept);
        assertThat(kept.isEmpty() || !Character.isHighSurrogate(kept.charAt(kept.length() - 1))).isTrue();
        assertThat(in.stickers()).startsWith(out.stickers().toArray(String[]::new));
        assertThat(out.id()).isEqualTo(in.id());
        // and a reader takes it back
        assertThat(PostCodec.encodeLine(out.withSeq(Long.MAX_VALUE)).length - 1).isLessThanOrEqualTo(MAX);
      }
    }
  }
}
