package io.jvcstreaming.analytics.receive;

import static org.assertj.core.api.Assertions.assertThat;

import io.jvcstreaming.model.Post;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Moving a bookmark back before the blocks a graceful stop left unallocated (no receiver write-ahead log). */
class LeftoverBlocksTest {

  private static final String STREAM = "0123456789abcdef";
  private static final long T1 = 77_300_123L;
  private static final long T2 = 77_300_124L;
  private static final long T3 = 77_300_125L;

  @TempDir
  Path dir;

  private static Post post(long seq, long topic, long id) {
    return new Post(seq, id, topic, "t", "a", Instant.EPOCH, "", List.of(), "u");
  }

  /** Posts 0..9 kept in batches, 10..15 stored after the last cut; the receiver's position and marks as it left them. */
  @Test
  void theBookmarkGoesBackBeforeTheFirstLeftBlockAndTheMarksBelowTheirIds() throws Exception {
    SeqBookmark bookmark = new SeqBookmark(dir.toString(), 0);
    TopicMarks marks = new TopicMarks(TopicMarks.DEFAULT_CAPACITY);
    List<Post> all = new ArrayList<>();
    long[] topics = {T1, T2, T1, T3, T1, T2, T1, T1, T2, T1, /* left: */ T1, T2, T1, T1, T2, T1};
    for (int seq = 0; seq < topics.length; seq++) {
      Post p = post(seq, topics[seq], 1_000 + seq);
      all.add(p);
      assertThat(marks.advance(p.topicId(), p.id())).isTrue();
    }
    bookmark.save(STREAM, 15, marks);
    List<BlockIds> left = List.of(BlockIds.of(all.subList(10, 13)), BlockIds.of(all.subList(13, 16)));

    assertThat(LeftoverBlocks.rewind(bookmark, left, 0)).isEqualTo(6);

    SeqBookmark.Saved s = bookmark.load(TopicMarks.DEFAULT_CAPACITY).orElseThrow();
    assertThat(s.streamId()).isEqualTo(STREAM);
    assertThat(s.seq()).isEqualTo(9);
    assertThat(s.marks().mark(T1)).isEqualTo(1_009); // below the first left id of T1 (1 010), at the last kept one
    assertThat(s.marks().mark(T2)).isEqualTo(1_010); // below 1 011; the last kept T2 post was 1 008
    assertThat(s.marks().mark(T3)).isEqualTo(1_003); // no post left: unchanged
    // the receiver fed the same posts again keeps exactly the left ones
    List<Long> kept = new ArrayList<>();
    for (Post p : all) {
      if (p.seq() > s.seq() && s.marks().advance(p.topicId(), p.id())) {
        kept.add(p.seq());
      }
    }
    assertThat(kept).containsExactly(10L, 11L, 12L, 13L, 14L, 15L);
  }

  @Test
  void aBookmarkNotPastTheLeftBlocksIsLeftAsItIs() throws Exception {
    SeqBookmark bookmark = new SeqBookmark(dir.toString(), 0);
    TopicMarks marks = new TopicMarks(TopicMarks.DEFAULT_CAPACITY);
    marks.advance(T1, 1_004);
    bookmark.save(STREAM, 4, marks);
    List<BlockIds> left = List.of(BlockIds.of(List.of(post(5, T1, 1_005), post(6, T1, 1_006))));

    assertThat(LeftoverBlocks.rewind(bookmark, left, 0)).isZero();
    SeqBookmark.Saved s = bookmark.load(TopicMarks.DEFAULT_CAPACITY).orElseThrow();
    assertThat(s.seq()).isEqualTo(4);
    assertThat(s.marks().mark(T1)).isEqualTo(1_004);
  }
}
