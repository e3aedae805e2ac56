package io.jvcstreaming.scraper.log;

import static org.assertj.core.api.Assertions.assertThat;

import io.jvcstreaming.codec.PostCodec;
import io.jvcstreaming.model.Post;
import io.jvcstreaming.scraper.metrics.ScraperMetrics;
import io.jvcstreaming.scraper.stream.RecentPosts;
import io.jvcstreaming.testkit.Await;
import io.jvcstreaming.testkit.LineClient;
import io.jvcstreaming.testkit.TestPosts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every {@link PostLog} promises, run against each store (memory, local files, a real Redis): a post id
 * goes into the log once within its retention, whatever its topic; a gone topic keeps its bookmark; seqs are
 * continuous.
 */
abstract class PostLogContract {

  static final Duration WAIT = Duration.ofSeconds(20);

  /** A started log of the given window, feeding {@code recent}, counting into {@code metrics}. */
  abstract PostLog open(RecentPosts recent, ScraperMetrics metrics, int capacity);

  static List<Post> decode(RecentPosts recent) throws Exception {
    List<Post> out = new ArrayList<>();
    for (byte[] line : recent.readAll(Math.max(0, recent.firstSeq()))) {
      out.add(PostCodec.decode(line, 0, line.length - 1));
    }
    return out;
  }

  /** The window once the log has fed it {@code size} posts (the Redis tailer feeds it asynchronously). */
  static List<Post> window(RecentPosts recent, int size) throws Exception {
    Await.until(WAIT, "the stream window holds " + size + " posts", () -> recent.size() == size,
        () -> "it holds " + recent.size());
    return decode(recent);
  }

  static List<Long> ids(long from, long toInclusive) {
    return LongStream.rangeClosed(from, toInclusive).boxed().toList();
  }

  static List<Post> posts(long topicId, long... ids) {
    List<Post> out = new ArrayList<>();
    for (long id : ids) {
      out.add(TestPosts.post(topicId, id));
    }
    return out;
  }

  @Test
  void appendingTheSamePostsTwiceLogsThemOnceWithContinuousSeqs() throws Exception {
    RecentPosts recent = new RecentPosts(100_000);
    PostLog log = open(recent, new ScraperMetrics(), 100_000);
    assertThat(log.append(7, TestPosts.posts(7, 100, 10), 1).await()).isEqualTo(10);
    assertThat(log.append(7, TestPosts.posts(7, 100, 10), 1).await()).isZero();
    assertThat(log.append(7, TestPosts.posts(7, 105, 10), 2).await()).as("only ids 110..114 are new").isEqualTo(5);
    assertThat(log.bookmark(7).await()).isEqualTo(new Bookmark(7, 114, 2));
    List<Post> posts = window(recent, 15);
    assertThat(posts).extracting(Post::id).containsExactlyElementsOf(ids(100, 114));
    long first = posts.get(0).seq();
    assertThat(posts).extracting(Post::seq).containsExactlyElementsOf(ids(first, first + 14));
    assertThat(posts.get(0).text()).isEqualTo("message 100 é 😂");
    assertThat(StreamIds.valid(log.streamId())).as("stream id %s", log.streamId()).isTrue();
  }

  @Test
  void bookmarksAreKeptPerTopicIdNotPerTitle() {
    PostLog log = open(new RecentPosts(100_000), new ScraperMetrics(), 100_000);
    log.append(1, TestPosts.posts(1, 500, 3), 1).await();
    assertThat(log.bookmark(1).await().lastMessageId()).isEqualTo(502);
    assertThat(log.bookmark(2).await()).isEqualTo(Bookmark.none(2));
    assertThat(log.append(2, TestPosts.posts(2, 10, 2), 1).await()).as("lower ids in another topic are new").isEqualTo(2);
  }

  @Test
  void aTopicGoneThenBackStreamsOnlyItsNewPosts() throws Exception {
    RecentPosts recent = new RecentPosts(100_000);
    PostLog log = open(recent, new ScraperMetrics(), 100_000);
    log.append(5, TestPosts.posts(5, 1, 10), 1).await();
    log.gone(5).await(); // 410
    assertThat(log.bookmark(5).await()).as("the bookmark survives the 410").isEqualTo(new Bookmark(5, 10, 1));
    // back: the crawl sees a bookmark, but even a crawl that offered everything again would stream only 11, 12
    assertThat(log.append(5, TestPosts.posts(5, 1, 12), 1).await()).isEqualTo(2);
    assertThat(window(recent, 12)).extracting(Post::id).containsExactlyElementsOf(ids(1, 12));
  }

  @Test
  void aTopicRedirectedIntoAnotherNeverBringsItsPostsTwice() throws Exception {
    RecentPosts recent = new RecentPosts(100_000);
    ScraperMetrics metrics = new ScraperMetrics();
    PostLog log = open(recent, metrics, 100_000);
    log.append(2, TestPosts.posts(2, 200, 3), 1).await(); // topic 2: ids 200..202
    log.append(1, TestPosts.posts(1, 300, 5), 1).await(); // topic 1: ids 300..304
    log.gone(1).await(); // topic 1 now redirects into topic 2, which shows its posts among its own
    List<Post> merged = new ArrayList<>(TestPosts.posts(2, 200, 5));
    merged.addAll(TestPosts.posts(2, 300, 5));
    assertThat(log.append(2, merged, 2).await()).as("only 203, 204 are new").isEqualTo(2);
    assertThat(metrics.duplicatesSkipped()).isEqualTo(5);
    assertThat(log.bookmark(2).await().lastMessageId()).as("past the skipped ones too").isEqualTo(304);
    assertThat(window(recent, 10)).extracting(Post::id)
        .containsExactly(200L, 201L, 202L, 300L, 301L, 302L, 303L, 304L, 203L, 204L);
    assertThat(metrics.render(true, true)).contains("jvc_posts_duplicate_skipped_total 5");
  }

  /**
   * The append decision, one row per case: what the log holds (topic 1 ids 10..12, topic 2 id 20), then one
   * append to {@code topic} of {@code candidates}; which ids are appended, how many skipped as duplicates,
   * and where the topic's bookmark ends.
   */
  static Stream<Arguments> appendDecisions() {
    return Stream.of(
        Arguments.of("a new topic: everything", 3, new long[] {30, 31}, new long[] {30, 31}, 0, 31),
        Arguments.of("bookmark covers some", 1, new long[] {11, 12, 13, 14}, new long[] {13, 14}, 0, 14),
        Arguments.of("bookmark covers all", 1, new long[] {10, 11, 12}, new long[] {}, 0, 12),
        Arguments.of("ids of another topic", 3, new long[] {9, 10, 11, 40}, new long[] {9, 40}, 2, 40),
        Arguments.of("only ids of others: bookmark still moves", 3, new long[] {12, 20}, new long[] {}, 2, 20),
        Arguments.of("nothing offered: bookmark stays", 2, new long[] {}, new long[] {}, 0, 20));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("appendDecisions")
  void appendKeepsOnlyIdsAboveTheBookmarkAndNotInTheLog(String name, long topic, long[] candidates, long[] appended,
      int duplicates, long bookmarkAfter) throws Exception {
    RecentPosts recent = new RecentPosts(100_000);
    ScraperMetrics metrics = new ScraperMetrics();
    PostLog log = open(recent, metrics, 100_000);
    log.append(1, posts(1, 10, 11, 12), 1).await();
    log.append(2, posts(2, 20), 1).await();
    assertThat(log.append(topic, posts(topic, candidates), 1).await()).isEqualTo(appended.length);
    assertThat(metrics.duplicatesSkipped()).isEqualTo(duplicates);
    assertThat(log.bookmark(topic).await().lastMessageId()).isEqualTo(bookmarkAfter);
    List<Long> expected = new ArrayList<>(List.of(10L, 11L, 12L, 20L));
    LongStream.of(appended).forEach(expected::add);
    assertThat(window(recent, expected.size())).extracting(Post::id).containsExactlyElementsOf(expected);
  }

  @Test
  void theIdGuardRemembersTheLastCapacityPosts() throws Exception {
    RecentPosts recent = new RecentPosts(5);
    ScraperMetrics metrics = new ScraperMetrics();
    PostLog log = open(recent, metrics, 5);
    log.append(1, TestPosts.posts(1, 1, 8), 1).await(); // the last 5 (ids 4..8) are within retention
    assertThat(log.append(2, posts(2, 6, 7), 1).await()).as("ids still in the log").isZero();
    assertThat(metrics.duplicatesSkipped()).isEqualTo(2);
    assertThat(log.append(3, posts(3, 2), 1).await()).as("an id the log no longer holds is new again").isEqualTo(1);
  }
}
