package io.jvcstreaming.scraper.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jvcstreaming.model.Post;
import io.jvcstreaming.scraper.metrics.ScraperMetrics;
import io.jvcstreaming.scraper.stream.RecentPosts;
import io.jvcstreaming.testkit.Await;
import io.jvcstreaming.testkit.TestPosts;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local store on real files: every promise of {@link PostLogContract}, plus what a restart keeps. */
class LocalPostLogTest extends PostLogContract {

  @TempDir
  Path tmp;
  private Path dir;
  private Vertx vertx;
  private final List<PostLog> opened = new ArrayList<>();
  private final AtomicLong clock = new AtomicLong(1_764_000_000_000L);

  @BeforeEach
  void setUp() {
    dir = tmp.resolve("data");
    vertx = Vertx.vertx();
  }

  @AfterEach
  void tearDown() {
    for (PostLog log : opened) {
      log.close().await();
    }
    vertx.close().await();
  }

  @Override
  PostLog open(RecentPosts recent, ScraperMetrics metrics, int capacity) {
    return open(dir, recent, metrics, capacity);
  }

  private LocalPostLog open(Path where, RecentPosts recent, ScraperMetrics metrics, int capacity) {
    LocalPostLog log = new LocalPostLog(vertx, where, recent, metrics, capacity, clock::get);
    log.start().await();
    opened.add(log);
    return log;
  }

  private LocalPostLog reopen(LocalPostLog log, RecentPosts recent) {
    log.close().await();
    opened.remove(log);
    return open(dir, recent, new ScraperMetrics(), 100_000);
  }

  @Test
  void aRestartKeepsSeqBookmarksWindowAndStreamId() throws Exception {
    LocalPostLog first = open(dir, new RecentPosts(100_000), new ScraperMetrics(), 100_000);
    first.append(1, TestPosts.posts(1, 1, 20), 3).await();
    first.append(2, TestPosts.posts(2, 100, 5), 1).await();
    String id = first.streamId();

    RecentPosts recent = new RecentPosts(100_000);
    LocalPostLog second = reopen(first, recent);
    assertThat(second.streamId()).isEqualTo(id);
    assertThat(recent.size()).as("window reloaded at start").isEqualTo(25);
    assertThat(second.bookmark(1).await()).isEqualTo(new Bookmark(1, 20, 3));
    assertThat(second.bookmark(2).await()).isEqualTo(new Bookmark(2, 104, 1));
    assertThat(second.append(1, TestPosts.posts(1, 1, 25), 3).await()).isEqualTo(5);
    assertThat(second.append(3, TestPosts.posts(3, 100, 5), 1).await()).as("ids of topic 2, moved").isZero();
    List<Post> posts = decode(recent);
    assertThat(posts).extracting(Post::seq).containsExactlyElementsOf(ids(0, 29));
    assertThat(posts.subList(25, 30)).extracting(Post::id).containsExactlyElementsOf(ids(21, 25));
  }

  @Test
  void aDeletedDirectoryIsANewStreamFromSeqZero() throws Exception {
    LocalPostLog first = open(dir, new RecentPosts(100_000), new ScraperMetrics(), 100_000);
    first.append(1, TestPosts.posts(1, 1, 10), 1).await();
    String oldId = first.streamId();
    first.close().await();
    opened.remove(first);
    deleteTree(dir);

    RecentPosts recent = new RecentPosts(100_000);
    LocalPostLog second = open(dir, recent, new ScraperMetrics(), 100_000);
    assertThat(second.streamId()).isNotEqualTo(oldId);
    assertThat(recent.size()).isZero();
    assertThat(second.bookmark(1).await().isNew()).isTrue();
    assertThat(second.append(1, TestPosts.posts(1, 1, 3), 1).await()).isEqualTo(3);
    assertThat(decode(recent)).extracting(Post::seq).containsExactly(0L, 1L, 2L);
  }

  @Test
  void aSecondOpenerOfTheSameDirectoryGetsAClearError() {
    open(dir, new RecentPosts(100_000), new ScraperMetrics(), 100_000);
    LocalPostLog second = new LocalPostLog(vertx, dir, new RecentPosts(100_000), new ScraperMetrics(), 100_000);
    assertThatThrownBy(() -> second.start().await())
        .isInstanceOf(DataDirInUseException.class)
        .hasMessageContaining(dir.toAbsolutePath().normalize().toString())
        .hasMessageContaining("in use by another scraper")
        .hasMessageContaining("--data-dir");
  }

  @Test
  void trimmingKeepsTheLastCapacityPostsAcrossARestart() throws Exception {
    LocalPostLog first = open(dir, new RecentPosts(5), new ScraperMetrics(), 5);
    first.append(1, TestPosts.posts(1, 1, 12), 1).await();
    first.close().await();
    opened.remove(first);
    RecentPosts recent = new RecentPosts(5);
    LocalPostLog second = open(dir, recent, new ScraperMetrics(), 5);
    assertThat(decode(recent)).extracting(Post::id).containsExactlyElementsOf(ids(8, 12));
    assertThat(decode(recent)).extracting(Post::seq).containsExactlyElementsOf(ids(7, 11));
    assertThat(second.append(2, posts(2, 9), 1).await()).as("id 9 is still held").isZero();
    assertThat(second.append(2, posts(2, 3), 1).await()).as("id 3 was trimmed").isZero(); // below topic 2's bookmark
    assertThat(second.append(3, posts(3, 3), 1).await()).as("id 3 was trimmed: new under topic 3").isEqualTo(1);
  }

  @Test
  void bookmarksLiveForTheirRetentionFromTheirLastAppend() {
    LocalPostLog log = open(dir, new RecentPosts(100_000), new ScraperMetrics(), 100_000);
    log.append(1, TestPosts.posts(1, 1, 3), 1).await();
    clock.addAndGet(BookmarkRetention.TTL.toMillis() / 2);
    log.append(2, TestPosts.posts(2, 10, 3), 1).await();
    clock.addAndGet(BookmarkRetention.TTL.toMillis() / 2 + 1);
    assertThat(log.expireBookmarksNow().await()).isEqualTo(1);
    assertThat(log.bookmark(1).await().isNew()).as("untouched for longer than the TTL").isTrue();
    assertThat(log.bookmark(2).await().lastMessageId()).isEqualTo(12);
  }

  @Test
  void aDirectoryDeletedUnderARunningScraperIsAStreamLost() throws Exception {
    ScraperMetrics metrics = new ScraperMetrics();
    LocalPostLog log = open(dir, new RecentPosts(100_000), metrics, 100_000);
    List<String> reasons = new java.util.concurrent.CopyOnWriteArrayList<>();
    log.onStreamLost(reasons::add);
    log.append(1, TestPosts.posts(1, 1, 3), 1).await();
    deleteTree(dir);
    io.jvcstreaming.testkit.Await.until(WAIT, "the loss noticed", () -> !reasons.isEmpty());
    assertThat(reasons).hasSize(1);
    assertThat(reasons.get(0)).contains(log.streamId()).contains("deleted").contains("exit 3");
    assertThat(metrics.streamsLost()).isEqualTo(1);
    assertThat(log.healthy()).isFalse();
    assertThatThrownBy(() -> log.append(1, TestPosts.posts(1, 4, 3), 1).await()).hasMessageContaining("STREAMLOST");
  }

  @Test
  void theStoreIsAFileUnderTheDataDirectory() {
    LocalPostLog log = open(dir, new RecentPosts(100_000), new ScraperMetrics(), 100_000);
    log.append(1, TestPosts.posts(1, 1, 3), 1).await();
    assertThat(dir.resolve(LocalPostLog.FILE_NAME)).isRegularFile();
    assertThat(log.durable()).isTrue();
    assertThat(log.healthy()).isTrue();
  }

  static void deleteTree(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
