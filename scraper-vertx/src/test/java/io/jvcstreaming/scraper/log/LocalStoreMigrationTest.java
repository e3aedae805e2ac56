package io.jvcstreaming.scraper.log;

import static org.assertj.core.api.Assertions.assertThat;

import io.jvcstreaming.codec.PostCodec;
import io.jvcstreaming.model.Post;
import io.jvcstreaming.scraper.metrics.ScraperMetrics;
import io.jvcstreaming.scraper.stream.RecentPosts;
import io.jvcstreaming.testkit.TestPosts;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.List;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data directory written by the format-1 code (every map with H2's default types, as {@code LocalPostLog} wrote
 * them up to December 2026) opens with its stream id, posts, id guard and bookmarks, and is format 2 afterwards.
 */
class LocalStoreMigrationTest {

  @TempDir
  Path dir;
  private Vertx vertx;

  @BeforeEach
  void setUp() {
    vertx = Vertx.vertx();
  }

  @AfterEach
  void tearDown() {
    vertx.close().await();
  }

  /** What the format-1 code wrote: the same map names and builders, the same entries. */
  private String writeFormat1(List<Post> posts, long topicId, int lastPage, long atMillis) {
    String streamId = StreamIds.fresh();
    MVStore store = new MVStore.Builder().fileName(dir.resolve(LocalPostLog.FILE_NAME).toString())
        .autoCommitDisabled().open();
    MVMap<String, String> meta = store.openMap("meta");
    MVMap<Long, byte[]> log = store.openMap("log");
    MVMap<Long, Long> ids = store.openMap("ids");
    MVMap<Long, long[]> bookmarks = store.openMap("bookmarks");
    meta.put("format", "1");
    meta.put("streamId", streamId);
    meta.put("createdAt", "2026-11-30T12:00:00Z");
    long seq = 0;
    long maxId = 0;
    for (Post post : posts) {
      log.put(seq, LocalLogEntry.encode(post.id(), PostCodec.encodeLine(post.withSeq(seq))));
      ids.put(post.id(), seq);
      maxId = Math.max(maxId, post.id());
      seq++;
    }
    bookmarks.put(topicId, new long[] {maxId, lastPage, atMillis});
    meta.put("nextSeq", Long.toString(seq));
    store.commit();
    store.close();
    return streamId;
  }

  private LocalPostLog open(RecentPosts recent, long nowMillis) {
    LocalPostLog log = new LocalPostLog(vertx, dir, recent, new ScraperMetrics(), 100_000, () -> nowMillis);
    log.start().await();
    return log;
  }

  @Test
  void aFormat1StoreKeepsItsStreamPostsIdsAndBookmarks() throws Exception {
    long now = 1_764_500_000_000L;
    String streamId = writeFormat1(TestPosts.posts(7, 1, 12), 7, 2, now - 60_000);

    RecentPosts recent = new RecentPosts(100_000);
    LocalPostLog log = open(recent, now);
    assertThat(log.streamId()).isEqualTo(streamId);
    assertThat(PostLogContract.decode(recent)).extracting(Post::seq).containsExactlyElementsOf(PostLogContract.ids(0, 11));
    assertThat(PostLogContract.decode(recent)).extracting(Post::id).containsExactlyElementsOf(PostLogContract.ids(1, 12));
    assertThat(log.bookmark(7).await()).isEqualTo(new Bookmark(7, 12, 2));
    // the id guard came along: ids 1..12 under another topic are duplicates; 13..15 are new, from seq 12
    assertThat(log.append(8, TestPosts.posts(8, 1, 15), 1).await()).isEqualTo(3);
    assertThat(PostLogContract.decode(recent).subList(12, 15)).extracting(Post::seq)
        .containsExactlyElementsOf(PostLogContract.ids(12, 14));
    log.close().await();

    try (MVStore raw = new MVStore.Builder().fileName(dir.resolve(LocalPostLog.FILE_NAME).toString()).readOnly().open()) {
      assertThat(raw.<String, String>openMap("meta").get("format")).isEqualTo(LocalStoreMaps.FORMAT_2);
      assertThat(raw.getMapNames()).contains("log.2", "ids.2", "bookmarks.2").doesNotContain("log", "ids", "bookmarks");
    }

    RecentPosts again = new RecentPosts(100_000);
    LocalPostLog reopened = open(again, now);
    assertThat(reopened.streamId()).isEqualTo(streamId);
    assertThat(again.size()).isEqualTo(15);
    assertThat(reopened.bookmark(7).await()).isEqualTo(new Bookmark(7, 12, 2));
    assertThat(reopened.bookmark(8).await()).isEqualTo(new Bookmark(8, 15, 1));
    reopened.close().await();
  }
}
