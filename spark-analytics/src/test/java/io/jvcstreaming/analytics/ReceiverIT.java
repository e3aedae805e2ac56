package io.jvcstreaming.analytics;

import io.jvcstreaming.analytics.testing.TestPosts;
import io.jvcstreaming.codec.PostCodec;
import io.jvcstreaming.testkit.Await;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.spark.streaming.scheduler.StreamingListener;
import org.apache.spark.streaming.scheduler.StreamingListenerReceiverError;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

/** The NDJSON receiver against a real socket that misbehaves. */
class ReceiverIT extends SparkITBase {

  private static final Duration WAIT = Duration.ofSeconds(40);

  @Test
  @DisplayName("the server drops the connection mid-line and goes away, then comes back: with RESUME the counts are exact")
  void reconnectWithResumeLosesAndDoublesNothing() throws Exception {
    TestPosts posts = new TestPosts(11);
    server.overlap(25); // the server resends some posts the receiver already has: they must be skipped
    start(config("--job", "authors"));
    server.append(posts.next(300));
    assertThat(reports.awaitCounts("authors", posts.authors()::equals, WAIT)).isEqualTo(posts.authors());

    // half a post, then the connection drops and the scraper is down for a while
    byte[] half = PostCodec.encodeLine(new TestPosts(99).next());
    server.goDown();
    server.dropClients(java.util.Arrays.copyOf(half, half.length / 2));
    server.append(posts.next(200)); // the scraper's log keeps growing meanwhile
    // let the job run two batches with the scraper down, so the receiver retries against a closed port
    int reportsWhenDown = reports.received();
    assertThat(Await.within(WAIT, () -> reports.received() >= reportsWhenDown + 2)).as("batches while down").isTrue();
    server.comeBack();
    server.append(posts.next(200));

    Map<String, Long> counts = reports.awaitCounts("authors", posts.authors()::equals, WAIT);
    assertThat(counts).isEqualTo(posts.authors());
    assertThat(reports.latest("authors").get("totalPosts").asLong()).isEqualTo(700);
    assertThat(server.resumeSeqs()).hasSizeGreaterThanOrEqualTo(2).startsWith(-1L);
    // every RESUME names the stream it is a position in
    assertThat(server.resumes()).allMatch(r -> r.streamId().equals(server.streamId()));
    // every reconnect resumed from what was stored (299, or 499 if the old connection delivered more before closing)
    assertThat(server.resumeSeqs().subList(1, server.resumes().size())).allMatch(seq -> seq == 299L || seq == 499L);
  }

  @Test
  @DisplayName("garbage and over-long lines are skipped, counted and reported; the job keeps counting")
  void badLinesAreSkippedAndCounted() throws Exception {
    TestPosts posts = new TestPosts(5);
    List<String> errors = new CopyOnWriteArrayList<>();
    start(config("--job", "authors"));
    ssc.addStreamingListener(new StreamingListener() {
      @Override
      public void onReceiverError(StreamingListenerReceiverError error) {
        errors.add(error.receiverInfo().lastErrorMessage());
      }
    });
    server.append(posts.next(100));
    assertThat(reports.awaitCounts("authors", posts.authors()::equals, WAIT)).isEqualTo(posts.authors());

    server.injectRaw("this is not json".getBytes(StandardCharsets.UTF_8));
    server.injectRaw("{\"seq\":5000,\"id\":1}".getBytes(StandardCharsets.UTF_8)); // missing fields
    server.injectRaw("{\"seq\":5001,\"id\":-3,\"topicId\":1,\"author\":\"x\",\"postedAt\":\"2026-01-01T00:00:00Z\"}"
        .getBytes(StandardCharsets.UTF_8)); // invalid id
    byte[] huge = new byte[PostCodec.MAX_LINE_BYTES + 10];
    java.util.Arrays.fill(huge, (byte) 'x');
    server.injectRaw(huge);
    server.injectRaw("# INFO a control line, not a post".getBytes(StandardCharsets.UTF_8));
    server.append(posts.next(100));

    Map<String, Long> counts = reports.awaitCounts("authors", posts.authors()::equals, WAIT);
    assertThat(counts).isEqualTo(posts.authors());
    Await.within(WAIT, () -> errors.stream().anyMatch(e -> e.contains("[malformed=3 tooLong=1]")));
    assertThat(errors).anyMatch(e -> e.startsWith("over-long line skipped"))
        .anyMatch(e -> e.startsWith("malformed line skipped"))
        .anyMatch(e -> e.contains("[malformed=3 tooLong=1]"));
    assertThat(errors).noneMatch(e -> e.contains("INFO"));
    assertThat(reports.latest("authors").get("totalPosts").asLong()).isEqualTo(200);
  }
}
