package io.jvcstreaming.scraper.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jvcstreaming.model.Post;
import io.jvcstreaming.scraper.metrics.ScraperMetrics;
import io.jvcstreaming.scraper.stream.RecentPosts;
import io.jvcstreaming.testkit.TestPosts;
import io.vertx.core.Vertx;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The journal under the local store, through {@link LocalPostLog}: an append cut anywhere inside its record is
 * gone whole at the next open and the file is cut back; a journal grown to twice the window is rewritten to the
 * window and the bookmarks, and reads back the same; a file that is not a journal, or whose seqs do not follow,
 * is refused with the path in the message.
 */
class LocalJournalTest {

  @TempDir
  Path dir;
  private Vertx vertx;
  private final List<LocalPostLog> opened = new ArrayList<>();
  private final AtomicLong clock = new AtomicLong(1_764_000_000_000L);

  @BeforeEach
  void setUp() {
    vertx = Vertx.vertx();
  }

  @AfterEach
  void tearDown() {
    for (LocalPostLog log : opened) {
      log.close().await();
    }
    vertx.close().await();
  }

  private LocalPostLog open(RecentPosts recent, int capacity) {
    LocalPostLog log = new LocalPostLog(vertx, dir, recent, new ScraperMetrics(), capacity, clock::get);
    opened.add(log);
    log.start().await();
    return log;
  }

  private void close(LocalPostLog log) {
    log.close().await();
    opened.remove(log);
  }

  private Path journal() {
    return dir.resolve(LocalPostLog.FILE_NAME);
  }

  /** 1 = only the frame's first byte is on disk, 1000 = all but the record's last byte. */
  @ParameterizedTest(name = "{0} byte(s) of the last record on disk")
  @ValueSource(ints = {1, 4, 8, 9, 100, 1000})
  void anAppendCutShortIsGoneWholeAndTheFileCutBack(int keptBytes) throws Exception {
    LocalPostLog log = open(new RecentPosts(100), 100);
    log.append(1, TestPosts.posts(1, 1, 3), 1).await();
    long whole = Files.size(journal());
    log.append(2, TestPosts.posts(2, 10, 8), 1).await();
    long withLast = Files.size(journal());
    close(log);
    assertThat(withLast - whole).as("the last record is longer than what the test keeps").isGreaterThan(keptBytes);
    try (FileChannel ch = FileChannel.open(journal(), StandardOpenOption.WRITE)) {
      ch.truncate(whole + keptBytes);
    }

    RecentPosts recent = new RecentPosts(100);
    LocalPostLog reopened = open(recent, 100);
    assertThat(Files.size(journal())).isEqualTo(whole);
    assertThat(PostLogContract.decode(recent)).extracting(Post::id).containsExactly(1L, 2L, 3L);
    assertThat(reopened.bookmark(2).await().isNew()).as("the cut append's bookmark went with its posts").isTrue();
    assertThat(reopened.append(2, TestPosts.posts(2, 10, 8), 1).await()).isEqualTo(8);
    assertThat(PostLogContract.decode(recent)).extracting(Post::seq).containsExactlyElementsOf(PostLogContract.ids(0, 10));
  }

  @Test
  void aRecordWhoseCheckFailsEndsTheJournal() throws Exception {
    LocalPostLog log = open(new RecentPosts(100), 100);
    log.append(1, TestPosts.posts(1, 1, 3), 1).await();
    long whole = Files.size(journal());
    log.append(2, TestPosts.posts(2, 10, 4), 1).await();
    close(log);
    try (FileChannel ch = FileChannel.open(journal(), StandardOpenOption.WRITE)) {
      ch.write(ByteBuffer.wrap(new byte[] {0x55}), whole + 20); // one byte flipped inside the last payload
    }

    RecentPosts recent = new RecentPosts(100);
    open(recent, 100);
    assertThat(PostLogContract.decode(recent)).extracting(Post::id).containsExactly(1L, 2L, 3L);
    assertThat(Files.size(journal())).isEqualTo(whole);
  }

  @Test
  void aJournalOfTwiceTheWindowIsRewrittenAndReadsBackTheSame() throws Exception {
    LocalPostLog log = open(new RecentPosts(5), 5);
    for (int topic = 1; topic <= 4; topic++) {
      log.append(topic, TestPosts.posts(topic, topic * 100, 3), topic).await(); // 12 posts, window 5
    }
    long before = Files.size(journal());
    io.jvcstreaming.testkit.Await.until(java.time.Duration.ofSeconds(30), "the rewrite",
        () -> journal().toFile().length() < before);
    close(log);
    assertThat(dir.resolve(LocalPostLog.FILE_NAME + ".tmp")).doesNotExist();

    RecentPosts recent = new RecentPosts(5);
    LocalPostLog reopened = open(recent, 5);
    assertThat(PostLogContract.decode(recent)).extracting(Post::seq).containsExactlyElementsOf(PostLogContract.ids(7, 11));
    assertThat(PostLogContract.decode(recent)).extracting(Post::id).containsExactly(301L, 302L, 400L, 401L, 402L);
    for (int topic = 1; topic <= 4; topic++) {
      assertThat(reopened.bookmark(topic).await()).isEqualTo(new Bookmark(topic, topic * 100 + 2, topic));
    }
    // the guard holds the window's ids: 302 under another topic is a duplicate, 300 left the window with its seq
    assertThat(reopened.append(9, List.of(TestPosts.post(9, 302)), 1).await()).isZero();
    assertThat(reopened.append(8, List.of(TestPosts.post(8, 300)), 1).await()).isEqualTo(1);
    assertThat(recent.lastSeq()).isEqualTo(12);
  }

  @Test
  void aFileThatIsNotAJournalIsRefused() throws Exception {
    Files.createDirectories(dir);
    Files.writeString(journal(), "not a journal at all\n");
    LocalPostLog log = new LocalPostLog(vertx, dir, new RecentPosts(100), new ScraperMetrics(), 100, clock::get);
    assertThatThrownBy(() -> log.start().await())
        .hasMessageContaining(journal().toString()).hasMessageContaining("journal header");
    assertThat(Files.readString(journal())).as("left as it was").isEqualTo("not a journal at all\n");
  }

  @Test
  void seqsThatDoNotFollowAreRefused() throws Exception {
    Files.createDirectories(dir);
    try (JournalFile j = JournalFile.create(journal())) {
      j.append(JournalRecords.stream(StreamIds.fresh(), clock.get(), 0));
      j.append(JournalRecords.posts(new long[] {0, 2}, new long[] {10, 11},
          new byte[][] {"{}\n".getBytes(), "{}\n".getBytes()}, 2));
    }
    LocalPostLog log = new LocalPostLog(vertx, dir, new RecentPosts(100), new ScraperMetrics(), 100, clock::get);
    assertThatThrownBy(() -> log.start().await())
        .hasMessageContaining("post seq 2 where seq 1 was due").hasMessageContaining("move the directory away");
  }
}
