package io.jvcstreaming.scraper.log;

import static org.assertj.core.api.Assertions.assertThat;

import io.jvcstreaming.codec.PostCodec;
import io.jvcstreaming.model.Post;
import io.jvcstreaming.scraper.metrics.ScraperMetrics;
import io.jvcstreaming.scraper.stream.RecentPosts;
import io.jvcstreaming.testkit.TestPosts;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A data directory written by earlier versions (formats 1 and 2: an H2 MVStore file, format 1 with H2's default
 * types, format 2 with typed maps) opens with its stream id, seqs, posts, id guard and bookmarks: imported into a
 * journal (format 3) at the first open, the H2 file set aside, and the journal alone read at every later open.
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

  private Path legacyFile() {
    return dir.resolve(LegacyStoreImport.FILE_NAME);
  }

  /**
   * What the format-1 or format-2 code wrote: the same map names and builders, the same entries; the log from
   * {@code firstSeq} on (earlier seqs trimmed), one bookmark.
   */
  private String writeLegacy(String format, long firstSeq, List<Post> posts, long topicId, int lastPage,
      long atMillis) {
    String streamId = StreamIds.fresh();
    MVStore store = new MVStore.Builder().fileName(legacyFile().toString()).autoCommitDisabled().open();
    MVMap<String, String> meta = store.openMap("meta");
    Map<Long, byte[]> log;
    Map<Long, Long> ids;
    Map<Long, long[]> bookmarks;
    if (format.equals(LocalStoreMaps.FORMAT_1)) {
      log = store.openMap("log");
      ids = store.openMap("ids");
      bookmarks = store.openMap("bookmarks");
    } else {
      LocalStoreMaps maps = LocalStoreMaps.open(store);
      log = maps.log;
      ids = maps.ids;
      bookmarks = maps.bookmarks;
    }
    meta.put("format", format);
    meta.put("streamId", streamId);
    meta.put("createdAt", "2026-11-30T12:00:00Z");
    long seq = firstSeq;
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

  @ParameterizedTest(name = "format {0}, log from seq {1}")
  @CsvSource({"1, 0", "2, 0", "2, 40"})
  void aLegacyStoreKeepsItsStreamSeqsPostsIdsAndBookmarks(String format, long firstSeq) throws Exception {
    long now = 1_764_500_000_000L;
    String streamId = writeLegacy(format, firstSeq, TestPosts.posts(7, 1, 12), 7, 2, now - 60_000);

    RecentPosts recent = new RecentPosts(100_000);
    LocalPostLog log = open(recent, now);
    assertThat(log.streamId()).isEqualTo(streamId);
    assertThat(PostLogContract.decode(recent)).extracting(Post::seq)
        .containsExactlyElementsOf(PostLogContract.ids(firstSeq, firstSeq + 11));
    assertThat(PostLogContract.decode(recent)).extracting(Post::id).containsExactlyElementsOf(PostLogContract.ids(1, 12));
    assertThat(log.bookmark(7).await()).isEqualTo(new Bookmark(7, 12, 2));
    // the id guard came along: ids 1..12 under another topic are duplicates; 13..15 are new, from the next seq
    assertThat(log.append(8, TestPosts.posts(8, 1, 15), 1).await()).isEqualTo(3);
    assertThat(PostLogContract.decode(recent).subList(12, 15)).extracting(Post::seq)
        .containsExactlyElementsOf(PostLogContract.ids(firstSeq + 12, firstSeq + 14));
    log.close().await();

    assertThat(dir.resolve(LocalPostLog.FILE_NAME)).isRegularFile();
    assertThat(legacyFile()).as("set aside, so it is never imported twice").doesNotExist();
    assertThat(dir.resolve(LegacyStoreImport.FILE_NAME + LegacyStoreImport.SET_ASIDE_SUFFIX)).isRegularFile();

    RecentPosts again = new RecentPosts(100_000);
    LocalPostLog reopened = open(again, now);
    assertThat(reopened.streamId()).isEqualTo(streamId);
    assertThat(again.size()).isEqualTo(15);
    assertThat(again.lastSeq()).isEqualTo(firstSeq + 14);
    assertThat(reopened.bookmark(7).await()).isEqualTo(new Bookmark(7, 12, 2));
    assertThat(reopened.bookmark(8).await()).isEqualTo(new Bookmark(8, 15, 1));
    reopened.close().await();
  }

  @Test
  void aLegacyFileLeftNextToAJournalIsSetAsideNotImportedAgain() throws Exception {
    long now = 1_764_500_000_000L;
    String streamId = writeLegacy(LocalStoreMaps.FORMAT_2, 0, TestPosts.posts(7, 1, 3), 7, 1, now);
    LocalPostLog log = open(new RecentPosts(100_000), now);
    log.append(7, TestPosts.posts(7, 4, 2), 1).await();
    log.close().await();
    // as if the import's last step (the rename of the H2 file) had not happened: a crash right after the journal's
    Files.move(dir.resolve(LegacyStoreImport.FILE_NAME + LegacyStoreImport.SET_ASIDE_SUFFIX), legacyFile());

    RecentPosts recent = new RecentPosts(100_000);
    LocalPostLog reopened = open(recent, now);
    assertThat(reopened.streamId()).isEqualTo(streamId);
    assertThat(PostLogContract.decode(recent)).extracting(Post::id).containsExactlyElementsOf(PostLogContract.ids(1, 5));
    assertThat(legacyFile()).doesNotExist();
    reopened.close().await();
  }
}
