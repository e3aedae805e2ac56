package io.jvcstreaming.analytics.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.jvcstreaming.model.Post;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PassTableTest {

  private final PassTable table = PassTable.of(List.of(
      new Passes(7L, new long[] {11L, 12L, 13L}, new int[] {2, 0, 0}),
      Passes.none(8L)).iterator());

  @Test
  void aPostCountsOnlyFromThePartitionWhoseCopyCounts() {
    PassTable.Keeper block0 = table.keeper(0);
    PassTable.Keeper block2 = table.keeper(2);
    assertThat(block0.keep(post(7L, 12L))).isTrue();
    assertThat(block2.keep(post(7L, 12L))).isFalse(); // its copy in partition 0 counts
    assertThat(block2.keep(post(7L, 11L))).isTrue();
    assertThat(block0.keep(post(7L, 11L))).isFalse();
  }

  @Test
  void theSecondCopyInTheSamePartitionIsDropped() {
    PassTable.Keeper block0 = table.keeper(0);
    assertThat(block0.keep(post(7L, 13L))).isTrue();
    assertThat(block0.keep(post(7L, 13L))).isFalse();
    // a new task reading the partition again (a retry) decides the same way
    assertThat(table.keeper(0).keep(post(7L, 13L))).isTrue();
  }

  @Test
  void idsThatDoNotPassAndTopicsWithNothingToCountAreDropped() {
    PassTable.Keeper block0 = table.keeper(0);
    assertThat(block0.keep(post(7L, 10L))).isFalse(); // at or below the mark
    assertThat(block0.keep(post(8L, 1L))).isFalse();  // topic with no passing id
    assertThat(block0.keep(post(9L, 1L))).isFalse();  // topic absent from the batch's table
  }

  private static Post post(long topic, long id) {
    return new Post(id, id, topic, "topic", "author", Instant.EPOCH, "text", List.of(), "http://x/");
  }
}
