package io.jvcstreaming.analytics.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.api.java.Optional;
import org.apache.spark.streaming.StateImpl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HighWaterMarkTest {

  static Stream<Arguments> table() {
    return Stream.of(
        // highest counted before, the batch's ids (any order), the ids that count, the highest after
        Arguments.of(null, List.of(3L, 1L, 2L), List.of(1L, 2L, 3L), 3L),
        Arguments.of(null, List.of(1L, 2L, 3L), List.of(1L, 2L, 3L), 3L),  // already in order: no sort
        Arguments.of(10L, List.of(11L, 12L), List.of(11L, 12L), 12L),
        Arguments.of(10L, List.of(11L, 13L, 12L), List.of(11L, 12L, 13L), 13L),
        Arguments.of(10L, List.of(10L, 11L), List.of(11L), 11L),    // in order, but the first was counted already
        Arguments.of(10L, List.of(9L, 10L, 11L), List.of(11L), 11L),  // a block received twice: the old part drops
        Arguments.of(10L, List.of(4L, 7L), List.of(), 10L),            // all replayed (a wiped store re-streams)
        Arguments.of(10L, List.of(12L, 12L), List.of(12L), 12L));      // the same post twice in one batch
  }

  @ParameterizedTest
  @MethodSource("table")
  void postsAboveTheTopicsHighWaterMarkCount(Long before, List<Long> batch, List<Long> counted, long after) {
    StateImpl<Long> state = state(before);
    TopicIds ids = new TopicIds(7L);
    batch.forEach(id -> ids.add(id, 0));
    Passes passes = new HighWaterMark().call(7L, Optional.of(ids), state);
    assertThat(Arrays.stream(passes.ids()).boxed().toList()).isEqualTo(counted);
    assertThat(passes.topicId()).isEqualTo(7L);
    assertThat(state.get()).isEqualTo(after);
  }

  @Test
  void aPostReceivedInTwoPartitionsCountsFromTheLowest() {
    TopicIds fromBlock2 = new TopicIds(7L).add(11L, 2).add(12L, 2);
    TopicIds fromBlock0 = new TopicIds(7L).add(12L, 0).add(13L, 0);
    // the reduce may merge the partitions in any order: the ids come out in partition order either way
    TopicIds merged = fromBlock2.merge(fromBlock0);
    assertThat(List.of(merged.partition(0), merged.partition(1), merged.partition(2), merged.partition(3)))
        .containsExactly(0, 0, 2, 2);
    Passes passes = HighWaterMark.above(7L, merged, 10L);
    assertThat(passes.ids()).containsExactly(11L, 12L, 13L);
    assertThat(List.of(passes.partition(0), passes.partition(1), passes.partition(2))).containsExactly(2, 0, 0);
  }

  @Test
  void anIdleTopicLeavesWithNothingToCount() {
    StateImpl<Long> state = state(10L);
    state.wrapTimingOutState(10L);
    assertThat(new HighWaterMark().call(7L, Optional.empty(), state).size()).isZero();
  }

  private static StateImpl<Long> state(Long before) {
    StateImpl<Long> state = new StateImpl<>();
    state.wrap(before == null ? scala.Option.empty() : scala.Option.apply(before));
    return state;
  }
}
