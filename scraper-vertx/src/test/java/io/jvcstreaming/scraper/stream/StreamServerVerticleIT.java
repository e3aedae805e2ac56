package io.jvcstreaming.scraper.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.jvcstreaming.model.Post;
import io.jvcstreaming.scraper.config.ConfigLoader;
import io.jvcstreaming.scraper.config.ScraperConfig;
import io.jvcstreaming.scraper.log.InMemoryPostLog;
import io.jvcstreaming.scraper.metrics.ScraperMetrics;
import io.jvcstreaming.testkit.Await;
import io.jvcstreaming.testkit.LineClient;
import io.jvcstreaming.testkit.TestPosts;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
/** The stream server over real sockets: greeting, handshake, every RESUME answer, slow and bad clients. */
class StreamServerVerticleIT {

  private static final Duration WAIT = Duration.ofSeconds(20);

  private Vertx vertx;
  private RecentPosts recent;
  private InMemoryPostLog log;
  private ScraperMetrics metrics;
  private StreamServerVerticle server;

  private void startServer(int windowSize, String... extraArgs) throws Exception {
    String[] args = new String[4 + extraArgs.length];
    args[0] = "--stream-port";
    args[1] = "0";
    args[2] = "--handshake-timeout";
    args[3] = "200ms";
    System.arraycopy(extraArgs, 0, args, 4, extraArgs.length);
    ScraperConfig config = ConfigLoader.load(args, Map.of());
    recent = new RecentPosts(windowSize);
    log = new InMemoryPostLog(recent);
    metrics = new ScraperMetrics();
    server = new StreamServerVerticle(config, recent, log::streamId, metrics);
    vertx.deployVerticle(server).await();
  }

  @BeforeEach
  void setUp(Vertx vertx) {
    this.vertx = vertx;
  }

  @AfterEach
  void tearDown() {
    // the VertxExtension closes the Vert.x instance and with it the server
  }

  private String greeting(long oldest, long head) {
    return "# HELLO v=2 stream=" + log.streamId() + " oldest=" + oldest + " head=" + head;
  }

  private static List<Long> seqs(long fromInclusive, long toExclusive) {
    return LongStream.range(fromInclusive, toExclusive).boxed().toList();
  }

  private void appendTopic(long topicId, long fromId, int count) {
    log.append(topicId, TestPosts.posts(topicId, topicId * 1_000_000 + fromId, count), 1);
  }

  @Test
  @DisplayName("every client gets the greeting first, then every post once, in seq order")
  void everyClientGetsEveryPostInOrder() throws Exception {
    startServer(100_000);
    try (LineClient a = new LineClient(server.actualPort(), "LIVE");
         LineClient b = new LineClient(server.actualPort())) {
      Await.until(WAIT, "both clients live", () -> server.liveClientCount() == 2);
      for (int t = 0; t < 50; t++) {
        appendTopic(1000 + t, 1, 40);
      }
      Await.until(WAIT, "2000 posts on both", () -> a.posts().size() == 2000 && b.posts().size() == 2000);
      for (LineClient c : List.of(a, b)) {
        assertThat(c.controls()).containsExactly(greeting(-1, -1));
        List<Post> posts = c.posts();
        for (int i = 0; i < posts.size(); i++) {
          assertThat(posts.get(i).seq()).isEqualTo(i);
        }
        assertThat(c.malformed()).isEmpty();
      }
    }
  }

  @Test
  @DisplayName("each live client has a lag series, 0 once it has every post, gone once it disconnects")
  void eachLiveClientsLagIsExposedAndRemovedOnDisconnect() throws Exception {
    startServer(100_000);
    appendTopic(1, 1, 30);
    LineClient a = new LineClient(server.actualPort(), "RESUME -1");
    try (LineClient b = new LineClient(server.actualPort(), "RESUME 9")) {
      Await.until(WAIT, "both clients live with every post", () -> server.liveClientCount() == 2
          && a.posts().size() == 30 && b.posts().size() == 20);
      Await.until(WAIT, "two lag series at 0", () -> lagLines().size() == 2
          && lagLines().stream().allMatch(l -> l.endsWith("} 0")));
      assertThat(lagLines()).allMatch(l -> l.matches("jvc_stream_client_lag_posts\\{client=\"127\\.0\\.0\\.1:\\d+\"} 0"));
      a.close();
      Await.until(WAIT, "one lag series left", () -> lagLines().size() == 1);
    }
    Await.until(WAIT, "no lag series", () -> lagLines().isEmpty());
    assertThat(metrics.render(true, true)).contains("# TYPE jvc_stream_client_lag_posts gauge");
  }

  private List<String> lagLines() {
    return metrics.render(true, true).lines().filter(l -> l.startsWith("jvc_stream_client_lag_posts{")).toList();
  }

  @Test
  @DisplayName("nc: a client that says nothing reads the greeting, then live posts once the window passed")
  void aSilentClientGetsTheGreetingThenLivePosts() throws Exception {
    startServer(1000);
    appendTopic(1, 1, 10);
    try (LineClient nc = new LineClient(server.actualPort())) {
      Await.until(WAIT, "the client live", () -> server.liveClientCount() == 1);
      appendTopic(2, 1, 5);
      Await.until(WAIT, "5 live posts", () -> nc.posts().size() == 5);
      assertThat(nc.controls()).containsExactly(greeting(0, 9));
      assertThat(nc.posts()).extracting(Post::seq).containsExactlyElementsOf(seqs(10, 15));
    }
  }

  @Test
  @DisplayName("RESUME <stream-id> <seq> is answered OK, replays the gap, then continues live")
  void resumeReplaysTheGap() throws Exception {
    startServer(100_000);
    appendTopic(1, 1, 30);
    try (LineClient c = new LineClient(server.actualPort(), "RESUME " + log.streamId() + " 9")) {
      Await.until(WAIT, "replay of seq 10..29", () -> c.posts().size() == 20);
      appendTopic(2, 1, 5);
      Await.until(WAIT, "5 live posts after the replay", () -> c.posts().size() == 25);
      assertThat(c.controls()).containsExactly(greeting(0, 29), "# OK resume from=10");
      assertThat(c.posts()).extracting(Post::seq).containsExactlyElementsOf(seqs(10, 35));
      assertThat(metrics.resumeAnswers("ok")).isEqualTo(1);
    }
  }

  @Test
  @DisplayName("the manual RESUME <seq> is a position in the current stream")
  void manualResumeIsAPositionInTheCurrentStream() throws Exception {
    startServer(1000);
    appendTopic(1, 1, 30);
    try (LineClient c = new LineClient(server.actualPort(), "RESUME 24")) {
      Await.until(WAIT, "replay of seq 25..29", () -> c.posts().size() == 5);
      assertThat(c.controlsAfterGreeting()).containsExactly("# OK resume from=25");
      assertThat(c.posts()).extracting(Post::seq).containsExactlyElementsOf(seqs(25, 30));
    }
  }

  @Test
  void resumeOlderThanTheWindowReportsTheGapThenSendsTheOldestHeld() throws Exception {
    startServer(10);
    appendTopic(1, 1, 25);
    try (LineClient c = new LineClient(server.actualPort(), "RESUME " + log.streamId() + " 2")) {
      Await.until(WAIT, "the 10 posts held", () -> c.posts().size() == 10);
      assertThat(c.controls()).containsExactly(greeting(15, 24),
          "# ERROR resume-too-old requested=2 oldest=15 from=15");
      assertThat(c.posts()).extracting(Post::seq).containsExactlyElementsOf(seqs(15, 25));
      assertThat(metrics.resumeAnswers("resume-too-old")).isEqualTo(1);
    }
  }

  @Test
  @DisplayName("a RESUME beyond the head under the same id is answered (the log lost its tail), not waited on")
  void resumeBeyondTheHeadIsAnsweredAndStreamsFromTheHead() throws Exception {
    startServer(1000);
    appendTopic(1, 1, 30);
    try (LineClient c = new LineClient(server.actualPort(), "RESUME " + log.streamId() + " 4084")) {
      Await.until(WAIT, "the answer", () -> c.controls().size() == 2);
      assertThat(c.controlsAfterGreeting()).containsExactly("# ERROR resume-beyond-head requested=4084 head=29 from=30");
      appendTopic(2, 1, 5);
      Await.until(WAIT, "the 5 new posts", () -> c.posts().size() == 5);
      assertThat(c.posts()).extracting(Post::seq).containsExactlyElementsOf(seqs(30, 35));
      assertThat(metrics.resumeAnswers("resume-beyond-head")).isEqualTo(1);
      assertThat(metrics.render(true, true))
          .contains("jvc_stream_resume_answers_total{answer=\"resume-beyond-head\"} 1");
    }
  }

  @Test
  @DisplayName("a position in another stream is answered stream-changed and repositioned to the oldest held")
  void resumeFromAnotherStreamStartsFromTheOldestHeld() throws Exception {
    startServer(1000);
    appendTopic(1, 1, 30);
    String other = log.streamId().equals("0123456789abcdef") ? "fedcba9876543210" : "0123456789abcdef";
    try (LineClient c = new LineClient(server.actualPort(), "RESUME " + other + " 12")) {
      Await.until(WAIT, "everything held", () -> c.posts().size() == 30);
      assertThat(c.controlsAfterGreeting()).containsExactly(
          "# ERROR stream-changed requested=" + other + " stream=" + log.streamId() + " from=0");
      assertThat(c.posts()).extracting(Post::seq).containsExactlyElementsOf(seqs(0, 30));
      assertThat(metrics.resumeAnswers("stream-changed")).isEqualTo(1);
    }
  }

  @Test
  @DisplayName("a RESUME that comes after the window put the client live is honoured: answer line, cursor moved")
  void aLateResumeIsHonouredAndAnswered() throws Exception {
    startServer(1000);
    appendTopic(1, 1, 30);
    try (LineClient c = new LineClient(server.actualPort())) {
      Await.until(WAIT, "the client put live by the window", () -> server.liveClientCount() == 1);
      appendTopic(2, 1, 5);
      Await.until(WAIT, "5 live posts", () -> c.posts().size() == 5);
      c.send("RESUME " + log.streamId() + " 9");
      Await.until(WAIT, "the answer and the replay from 10", () -> c.posts().size() == 5 + 25);
      assertThat(c.controlsAfterGreeting()).containsExactly("# WARN resume-after-live requested=9 from=10");
      assertThat(c.postsAfterControl(1)).extracting(Post::seq).containsExactlyElementsOf(seqs(10, 35));
      assertThat(metrics.resumeAnswers("resume-after-live")).isEqualTo(1);
    }
  }

  @Test
  void aTokenIsRequiredWhenConfigured() throws Exception {
    startServer(1000, "--stream-token", "s3cret");
    appendTopic(1, 1, 3);
    try (LineClient bad = new LineClient(server.actualPort(), "AUTH nope", "RESUME -1");
         LineClient good = new LineClient(server.actualPort(), "AUTH s3cret", "RESUME " + log.streamId() + " -1");
         LineClient silent = new LineClient(server.actualPort())) {
      Await.until(WAIT, "good client served", () -> good.posts().size() == 3);
      Await.until(WAIT, "bad and silent clients closed", () -> bad.ended() && silent.ended());
      assertThat(good.controlsAfterGreeting()).containsExactly("# OK resume from=0");
      assertThat(bad.posts()).isEmpty();
      assertThat(bad.controlsAfterGreeting()).containsExactly("# ERROR auth-failed");
      assertThat(silent.posts()).isEmpty();
      assertThat(silent.controlsAfterGreeting()).containsExactly("# ERROR auth-failed");
      assertThat(metrics.render(true, true)).contains("jvc_stream_clients_rejected_total 2");
    }
  }
  @Test
  @DisplayName("a client that stops reading neither delays a fast one nor grows memory: it is cut when it falls out of the window")
  void slowClientDoesNotBlockOthers() throws Exception {
    startServer(2000, "--client-buffer-bytes", "16384");
    try (Socket slow = new Socket()) {
      slow.setReceiveBufferSize(4096);
      slow.connect(new java.net.InetSocketAddress("127.0.0.1", server.actualPort()));
      OutputStream out = slow.getOutputStream();
      out.write("LIVE\n".getBytes());
      out.flush();
      try (LineClient fast = new LineClient(server.actualPort(), "LIVE")) {
        Await.until(WAIT, "two live clients", () -> server.liveClientCount() == 2);
        // The slow client never reads. Posts keep coming, 100 at a time, each batch read by the fast client
        // before the next: the fast one never waits on the slow one, which falls out of the window and is cut.
        int total = 0;
        for (int t = 0; t < 400; t++) {
          appendTopic(10_000 + t, 1, 100);
          total += 100;
          int expected = total;
          Await.until(WAIT, expected + " posts on the fast client", () -> fast.posts().size() == expected,
              () -> "fast client has " + fast.posts().size() + ", " + server.describeClients());
        }
        Await.until(WAIT, "the slow client cut", () -> server.clientCount() == 1, server::describeClients);
        assertThat(metrics.render(true, true)).contains("jvc_stream_clients_disconnected_slow_total 1");
        List<Post> posts = fast.posts();
        for (int i = 0; i < posts.size(); i++) {
          assertThat(posts.get(i).seq()).isEqualTo(i);
        }
      }
    }
  }

  @Test
  void garbageHandshakeIsAnsweredAndClosed() throws Exception {
    startServer(100);
    try (LineClient c = new LineClient(server.actualPort(), "GET / HTTP/1.1")) {
      Await.until(WAIT, "closed", c::ended);
      assertThat(c.controlsAfterGreeting()).singleElement().asString().startsWith("# ERROR bad-handshake");
    }
  }

  @Test
  void anOverlongHandshakeLineIsABadHandshake() throws Exception {
    startServer(100);
    try (LineClient c = new LineClient(server.actualPort(), "RESUME " + "9".repeat(600))) {
      Await.until(WAIT, "closed", c::ended);
      assertThat(c.controlsAfterGreeting()).singleElement().asString()
          .startsWith("# ERROR bad-handshake line longer than 512 bytes");
    }
  }
}
