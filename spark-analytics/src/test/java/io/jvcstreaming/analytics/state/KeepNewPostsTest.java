package io.jvcstreaming.analytics.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.jvcstreaming.model.Post;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.api.java.Optional;
import org.apache.spark.streaming.StateImpl;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class KeepNewPostsTest {

  static Stream<Arguments> table() {
    return Stream.of(
        // highest counted before, the batch's ids (any order), the ids that count, the highest after
        Arguments.of(null, List.of(3L, 1L, 2L), List.of(1L, 2L, 3L), 3L),
        Arguments.of(null, List.of(1L, 2L, 3L), List.of(1L, 2L, 3L), 3L),  // already in order: passes as it came
        Arguments.of(10L, List.of(11L, 12L), List.of(11L, 12L), 12L),
        Arguments.of(10L, List.of(11L, 13L, 12L), List.of(11L, 12L, 13L), 13L),
        Arguments.of(10L, List.of(10L, 11L), List.of(11L), 11L),    // in order, but the first was counted already
        Arguments.of(10L, List.of(), List.of(), 10L),
        Arguments.of(10L, List.of(9L, 10L, 11L), List.of(11L), 11L),  // a block received twice: the old part drops
        Arguments.of(10L, List.of(4L, 7L), List.of(), 10L),            // all replayed (a wiped store re-streams)
        Arguments.of(10L, List.of(12L, 12L), List.of(12L), 12L));      // the same post twice in one batch
  }

  @ParameterizedTest
  @MethodSource("table")
  void postsAboveTheTopicsHighWaterMarkCount(Long before, List<Long> batch, List<Long> counted, long after) {
    StateImpl<Long> state = new StateImpl<>();
    if (before != null) {
      state.wrap(scala.Option.apply(before));
    } else {
      state.wrap(scala.Option.empty());
    }
    List<Post> out = new KeepNewPosts().call(7L, Optional.of(batch.stream().map(KeepNewPostsTest::post)
        .collect(Collectors.toList())), state);
    assertThat(out.stream().map(Post::id).collect(Collectors.toList())).isEqualTo(counted);
    assertThat(state.get()).isEqualTo(after);
  }

  private static Post post(long id) {
    return new Post(id, id, 7L, "topic", "author", Instant.EPOCH, "text", Arrays.asList(), "http://x/");
  }
}
