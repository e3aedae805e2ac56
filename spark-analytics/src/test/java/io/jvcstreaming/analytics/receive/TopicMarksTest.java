package io.jvcstreaming.analytics.receive;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TopicMarksTest {

  @Test
  void anIdAtOrBelowTheMarkIsRefused() {
    TopicMarks m = new TopicMarks(10);
    assertThat(m.advance(1, 100)).isTrue();
    assertThat(m.advance(1, 100)).isFalse();
    assertThat(m.advance(1, 99)).isFalse();
    assertThat(m.advance(1, 101)).isTrue();
    assertThat(m.mark(1)).isEqualTo(101);
    assertThat(m.mark(2)).isEqualTo(-1);
  }

  @Test
  void theLeastRecentlyAdvancedTopicIsEvicted() {
    TopicMarks m = new TopicMarks(3);
    m.advance(1, 10);
    m.advance(2, 20);
    m.advance(3, 30);
    m.advance(1, 11); // topic 1 is now the most recently advanced
    m.advance(2, 5); // refused: does not count as an advance
    m.advance(4, 40); // evicts topic 2
    assertThat(m.size()).isEqualTo(3);
    assertThat(m.mark(2)).isEqualTo(-1);
    assertThat(m.evicted()).isEqualTo(1);
    List<Long> order = new ArrayList<>();
    m.iterator().forEachRemaining(e -> order.add(e.getKey()));
    assertThat(order).containsExactly(3L, 1L, 4L);
  }
}
