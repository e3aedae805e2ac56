package io.jvcstreaming.scraper.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The id guard holds the last {@code capacity} ids by seq, and nothing older. */
class PostIdGuardTest {

  @Test
  void holdsTheLastCapacityIdsBySeq() {
    PostIdGuard guard = new PostIdGuard(3);
    for (long seq = 10; seq < 15; seq++) {
      guard.add(seq, 100 + seq);
    }
    assertThat(guard.contains(110)).isFalse();
    assertThat(guard.contains(111)).isFalse();
    assertThat(guard.contains(112)).isTrue();
    assertThat(guard.contains(114)).isTrue();
    assertThat(guard.idAt(12)).isEqualTo(112);
    assertThat(guard.idAt(14)).isEqualTo(114);
    assertThatThrownBy(() -> guard.idAt(11)).hasMessageContaining("not held");
    assertThatThrownBy(() -> guard.idAt(15)).hasMessageContaining("not held");
  }

  @Test
  void seqsMustFollowEachOther() {
    PostIdGuard guard = new PostIdGuard(3);
    guard.add(5, 1);
    assertThatThrownBy(() -> guard.add(7, 2)).hasMessageContaining("seq 7 after 5");
    assertThat(guard.contains(2)).isFalse();
  }

  @Test
  void theOldestLeavesFirst() {
    PostIdGuard guard = new PostIdGuard(2);
    guard.add(0, 42);
    guard.add(1, 7);
    guard.add(2, 8); // seq 0 (id 42) leaves
    assertThat(guard.contains(42)).isFalse();
    assertThat(guard.contains(7)).isTrue();
  }
}
