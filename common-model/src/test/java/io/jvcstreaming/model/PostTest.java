package io.jvcstreaming.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PostTest {

  private static final Instant AT = Instant.parse("2026-11-25T20:04:33Z");

  @Test
  void rejectsMissingIdsAndAuthors() {
    assertThatThrownBy(() -> new Post(1, 0, 1, "t", "a", AT, "", List.of(), "")).hasMessageContaining("id");
    assertThatThrownBy(() -> new Post(1, 1, 0, "t", "a", AT, "", List.of(), "")).hasMessageContaining("topicId");
    assertThatThrownBy(() -> new Post(1, 1, 1, "t", null, AT, "", List.of(), "")).hasMessageContaining("author");
    assertThatThrownBy(() -> new Post(1, 1, 1, "t", "", AT, "", List.of(), "")).hasMessageContaining("author");
    assertThatThrownBy(() -> new Post(1, 1, 1, "t", "a", null, "", List.of(), "")).hasMessageContaining("postedAt");
    assertThatThrownBy(() -> new Post(-2, 1, 1, "t", "a", AT, "", List.of(), "")).hasMessageContaining("seq");
  }

  @Test
  void emptyTextIsFineAndNullsBecomeEmpty() {
    Post p = new Post(Post.UNSEQUENCED, 1, 1, null, "a", AT, null, null, null);
    assertThat(p.text()).isEmpty();
    assertThat(p.stickers()).isEmpty();
    assertThat(p.withSeq(5).seq()).isEqualTo(5);
  }

  @Test
  void stickersAreCopiedSoTheRecordStaysImmutable() {
    List<String> stickers = new ArrayList<>(List.of("a"));
    Post p = new Post(1, 1, 1, "t", "a", AT, "x", stickers, "u");
    stickers.add("b");
    assertThat(p.stickers()).containsExactly("a");
    assertThatThrownBy(() -> p.stickers().add("c")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void survivesJavaSerializationAsSparkUsesIt() throws Exception {
    Post p = new Post(3, 10, 20, "Topic", "Auteur", AT, "texte", List.of("s1", "s2"), "u");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(p);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      assertThat(in.readObject()).isEqualTo(p);
    }
  }
}
