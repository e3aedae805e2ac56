package io.jvcstreaming.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.jvcstreaming.model.Post;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/** Random bytes and mutated lines: the decoder either returns a whole, valid post or says why not. */
class PostCodecFuzzTest {

  private static final byte[] VALID = PostCodec.encodeLine(new Post(7, 11, 13, "Topic é", "Auteur",
      Instant.parse("2026-06-02T20:25:06Z"), "texte 😂", List.of("https://image.noelshack.com/fichiers/a.png"), "u"));

  @Property(tries = 2000)
  void randomBytesNeverEscapeAsAnotherException(@ForAll @Size(max = 300) byte[] bytes) {
    assertDecodesOrRejects(bytes);
  }

  @Property(tries = 3000)
  void mutatedValidLinesDecodeWholeOrAreRejected(@ForAll("mutations") byte[] bytes) {
    assertDecodesOrRejects(bytes);
  }

  @Provide
  Arbitrary<byte[]> mutations() {
    return Arbitraries.integers().between(0, VALID.length - 2).list().ofMinSize(1).ofMaxSize(4)
        .flatMap(positions -> Arbitraries.bytes().list().ofSize(positions.size()).map(values -> {
          byte[] copy = VALID.clone();
          for (int i = 0; i < positions.size(); i++) {
            copy[positions.get(i)] = values.get(i);
          }
          return copy;
        }));
  }

  private static void assertDecodesOrRejects(byte[] bytes) {
    try {
      Post post = PostCodec.decode(bytes, 0, bytes.length);
      assertThat(post.author()).isNotBlank();
      assertThat(post.id()).isPositive();
      assertThat(post.topicId()).isPositive();
      assertThat(post.postedAt()).isNotNull();
      assertThat(post.stickers()).doesNotContainNull();
    } catch (MalformedLineException expected) {
      assertThat(expected.getMessage()).isNotBlank();
      assertThat(expected.getMessage().getBytes(StandardCharsets.UTF_8).length).isLessThan(1000);
    }
  }
}
