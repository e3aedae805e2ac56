package io.jvcstreaming.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import io.jvcstreaming.analytics.checkpoint.BuildVersion;
import io.jvcstreaming.analytics.config.JobConfig;
import io.jvcstreaming.analytics.metrics.JobMetrics;
import io.jvcstreaming.analytics.testing.TestPosts;
import io.jvcstreaming.analytics.testing.TestStreamServer;
import io.jvcstreaming.model.Post;
import io.jvcstreaming.testkit.Await;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.spark.streaming.scheduler.StreamingListener;
import org.apache.spark.streaming.scheduler.StreamingListenerReceiverError;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Protocol v2 through real Spark (local mode), a real socket and {@code TestStreamServer}: every way a position
 * can stop meaning what it meant (restart, wiped store, lost tail, late RESUME, hole in the seqs) ends with
 * the counts equal to the distinct posts the server sent.
 */
class ReceiverResumeIT extends SparkITBase {

  // generous: waits end as soon as the condition holds; a loaded 2-core box can queue batches for tens of seconds
  private static final Duration WAIT = Duration.ofSeconds(90);

  private final List<String> errors = new CopyOnWriteArrayList<>();

  private void listenForReceiverErrors() {
    ssc.addStreamingListener(new StreamingListener() {
      @Override
      public void onReceiverError(StreamingListenerReceiverError error) {
        errors.add(error.receiverInfo().lastErrorMessage());
      }
    });
  }

  private void awaitExact(TestPosts posts) throws Exception {
    awaitExact(posts, WAIT);
  }

  private void awaitExact(TestPosts posts, Duration wait) throws Exception {
    assertThat(reports.awaitCounts("authors", posts.authors()::equals, wait)).isEqualTo(posts.authors());
    assertThat(Await.within(wait, () -> reports.latest("authors").get("totalPosts").asLong() == posts.posts()))
        .as("totalPosts == %d", posts.posts()).isTrue();
  }

  @Test
  @DisplayName("driver stopped without waiting while posts flow, started again from the checkpoint: exact")
  void driverRestartMidStreamIsExact() throws Exception {
    TestPosts posts = new TestPosts(21);
    server.overlap(40); // the resumed connection re-sends posts the receiver has: skipped as duplicates
    JobConfig config = config("--job", "authors", "--wal", "true");
    start(config);
    server.append(posts.next(300));
    assertThat(reports.awaitCounts("authors", posts.authors()::equals, WAIT)).isEqualTo(posts.authors());
    int before = reports.received();
    assertThat(Await.within(WAIT, () -> reports.received() >= before + 2)).as("two more batches").isTrue();
    server.append(posts.next(200));
    stopContext(false); // not graceful: what was received but not processed comes back from the write-ahead log
    server.append(posts.next(200));
    int resumesBefore = server.resumes().size();
    start(config);
    server.append(posts.next(100));

    awaitExact(posts);
    assertThat(server.resumes().subList(resumesBefore, server.resumes().size()))
        .allMatch(r -> r.streamId().equals(server.streamId()) && r.seq() >= 299);
    // the recovered batches too found their blocks' ids in the receiver tracker (recovered from the driver's WAL)
    assertThat(JobMetrics.current().batchesIdsReadFromPosts()).as("batches whose ids were read from the posts")
        .isZero();
    assertThat(bookmarkFile()).exists();
  }

  @Test
  @DisplayName("the store is wiped (new stream id, seqs from 0, the same posts again): counts = distinct posts")
  void wipedStoreReplayIsNotCountedTwice() throws Exception {
    TestPosts posts = new TestPosts(22);
    start(config("--job", "authors"));
    listenForReceiverErrors();
    List<Post> first = posts.next(300);
    server.append(first);
    awaitExact(posts);
    String oldStream = server.streamId();

    String newStream = server.wipe();
    server.append(first); // the scraper, starting on an empty store, streams the same posts under new seqs
    server.append(posts.next(200));

    awaitExact(posts);
    assertThat(server.resumes()).anyMatch(r -> r.streamId().equals(oldStream) && r.seq() == 299);
    assertThat(server.answers()).contains(
        "# ERROR stream-changed requested=" + oldStream + " stream=" + newStream + " from=0");
    assertThat(Await.within(WAIT, () -> errors.stream().anyMatch(e -> e.contains("new stream " + newStream))))
        .as("stream change reported: %s", errors).isTrue();
    // later connections resume in the new stream
    server.dropClients(new byte[0]);
    server.append(posts.next(50));
    awaitExact(posts);
    assertThat(server.resumes().get(server.resumes().size() - 1).streamId()).isEqualTo(newStream);
  }

  @Test
  @DisplayName("the store lost its tail (RESUME beyond head), the lost posts come again: each counted once")
  void resumeBeyondHeadCountsOnce() throws Exception {
    TestPosts posts = new TestPosts(23);
    start(config("--job", "authors"));
    List<Post> sent = posts.next(400);
    server.append(sent);
    awaitExact(posts);

    int answersBefore = server.answers().size();
    server.truncateAfter(299);
    // the receiver's RESUME 399 meets a log whose head is 299
    assertThat(Await.within(WAIT, () -> server.answers().size() > answersBefore)).as("answered").isTrue();
    assertThat(server.answers().get(answersBefore))
        .isEqualTo("# ERROR resume-beyond-head requested=399 head=299 from=300");
    server.append(sent.subList(300, 400)); // re-scraped: the same posts again, under the seqs the lost ones had
    server.append(posts.next(100));

    awaitExact(posts);
  }

  @Test
  @DisplayName("a RESUME that reaches the server after its handshake window (live first, then honoured): exact")
  void resumeAfterLiveIsExact() throws Exception {
    TestPosts posts = new TestPosts(24);
    start(config("--job", "authors"));
    server.append(posts.next(300));
    awaitExact(posts);

    server.delayClientLines(Duration.ofSeconds(4)); // the window is 500 ms
    int liveBefore = server.putLiveByWindow();
    server.dropClients(new byte[0]);
    assertThat(Await.within(WAIT, () -> server.putLiveByWindow() > liveBefore)).as("put live by the window").isTrue();
    server.append(posts.next(150)); // sent live before the late RESUME is honoured (the receiver discards them)

    awaitExact(posts);
    assertThat(server.answers()).contains("# WARN resume-after-live requested=299 from=300");
    server.delayClientLines(Duration.ZERO);
    server.append(posts.next(50));
    awaitExact(posts);
  }

  @Test
  @DisplayName("a hole in the seqs: reported with the count of missing seqs, the posts after it counted")
  void gapIsReportedAndPostsAccepted() throws Exception {
    TestPosts posts = new TestPosts(25);
    start(config("--job", "authors"));
    listenForReceiverErrors();
    server.append(posts.next(100));
    awaitExact(posts);
    server.skipSeqs(50);
    server.append(posts.next(100));

    awaitExact(posts);
    assertThat(Await.within(WAIT, () -> errors.stream().anyMatch(e -> e.contains("50 seq(s) 100..149 never arrived"))))
        .as("gap reported: %s", errors).isTrue();
    assertThat(errors).anyMatch(e -> e.contains("gaps=1 missingSeqs=50"));
  }

  @Test
  @DisplayName("an old-format bookmark stops streaming with a clear error; deleting it starts over")
  void unreadableBookmarkBlocksUntilDeleted() throws Exception {
    TestPosts posts = new TestPosts(26);
    Path bookmark = bookmarkFile();
    Files.createDirectories(bookmark.getParent());
    Files.write(bookmark, "4084".getBytes(StandardCharsets.US_ASCII)); // what a v1 receiver left
    start(config("--job", "authors"));
    listenForReceiverErrors();
    server.append(posts.next(100));

    assertThat(Await.within(WAIT, () -> errors.stream().anyMatch(e -> e.contains("old v1 form"))))
        .as("bookmark error reported: %s", errors).isTrue();
    assertThat(errors).filteredOn(e -> e.contains("old v1 form")).first().asString()
        .contains(bookmark.getFileName().toString()).contains("Delete").contains("to start over");
    Files.delete(bookmark);

    awaitExact(posts);
    assertThat(server.resumeSeqs()).first().isEqualTo(-1L); // the first RESUME came after the deletion
  }

  @Test
  @DisplayName("a server that never greets (v1): posts discarded, an error after 10 s, reconnect; exact once it greets")
  void noGreetingMeansReconnect() throws Exception {
    TestPosts posts = new TestPosts(27);
    server.greets(false);
    server.append(posts.next(100));
    // 2 s batches: the ~20 s without posts would otherwise queue ~40 empty batches ahead of the first full one
    // on a loaded machine
    start(config("--job", "authors", "--batch", "2s", "--window", "4s"));
    listenForReceiverErrors();
    int liveBefore = server.putLiveByWindow();
    assertThat(Await.within(WAIT, () -> server.putLiveByWindow() > liveBefore)).as("put live by the window").isTrue();
    server.append(posts.next(100)); // streamed live to a receiver still waiting for the greeting: discarded

    assertThat(Await.within(WAIT, () -> errors.stream().anyMatch(e -> e.contains("no '# HELLO' greeting within 10000 ms"))))
        .as("missing greeting reported: %s", errors).isTrue();
    assertThat(server.resumes()).isEmpty(); // it never sent a RESUME to a server that did not greet
    server.greets(true);

    awaitExact(posts, Duration.ofSeconds(120));
    assertThat(server.resumeSeqs()).first().isEqualTo(-1L);
  }

  @Test
  @DisplayName("the token comes from -Djvc.stream.token at receiver start (not from the config): AUTH accepted")
  void tokenFromSystemProperty() throws Exception {
    TestPosts posts = new TestPosts(28);
    String token = "t0k-" + TestStreamServer.newStreamId();
    server.requireToken(token);
    System.setProperty("jvc.stream.token", token);
    try {
      start(config("--job", "authors")); // no --stream-token: the config holds none
      server.append(posts.next(100));
      awaitExact(posts);
      assertThat(server.answers()).first().isEqualTo("# OK resume from=0");
    } finally {
      System.clearProperty("jvc.stream.token");
    }
  }

  @Test
  @DisplayName("driver restarted onto a wiped store: the high-water marks come back from the bookmark, no double count")
  void marksSurviveADriverRestart() throws Exception {
    TestPosts posts = new TestPosts(29);
    JobConfig config = config("--job", "authors");
    start(config);
    List<Post> first = posts.next(300);
    server.append(first);
    awaitExact(posts);
    int before = reports.received();
    assertThat(Await.within(WAIT, () -> reports.received() >= before + 2)).as("two more batches").isTrue();
    stopContext(true);

    String newStream = server.wipe(); // while the driver is down: the new receiver only has its bookmark
    server.append(first);
    server.append(posts.next(100));
    start(config);

    awaitExact(posts);
    assertThat(server.answers()).contains(
        "# ERROR stream-changed requested=" + server.resumes().get(0).streamId() + " stream=" + newStream + " from=0");
  }

  /** The receiver's bookmark: under this build's checkpoint directory ({@code <checkpoint-dir>/<build version>}). */
  private Path bookmarkFile() {
    return temp.resolve("checkpoint").resolve(BuildVersion.current()).resolve("receiver-bookmarks/stream-0.seq");
  }
}
