package io.jvcstreaming.scraper.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.jvcstreaming.model.Post;
import io.jvcstreaming.scraper.config.ConfigLoader;
import io.jvcstreaming.scraper.config.ScraperConfig;
import io.jvcstreaming.scraper.dedup.InMemoryPostLog;
import io.jvcstreaming.scraper.metrics.ScraperMetrics;
import io.jvcstreaming.scraper.support.LineClient;
import io.jvcstreaming.scraper.support.TestPosts;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class StreamServerVerticleTest {

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
    server = new StreamServerVerticle(config, recent, metrics);
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

  private void appendTopic(long topicId, long fromId, int count) {
    log.append(topicId, TestPosts.posts(topicId, fromId, count), 1);
  }

  @Test
  @DisplayName("every client gets every post once, in seq order")
  void everyClientGetsEveryPostInOrder() throws Exception {
    startServer(100_000);
    try (LineClient a = new LineClient(server.actualPort(), "LIVE");
         LineClient b = new LineClient(server.actualPort())) {
      LineClient.await(WAIT, "both clients live", () -> server.liveClientCount() == 2);
      for (int t = 0; t < 50; t++) {
        appendTopic(1000 + t, 1, 40);
      }
      LineClient.await(WAIT, "2000 posts on both", () -> a.posts().size() == 2000 && b.posts().size() == 2000);
      for (LineClient c : List.of(a, b)) {
        List<Post> posts = c.posts();
        for (int i = 0; i < posts.size(); i++) {
          assertThat(posts.get(i).seq()).isEqualTo(i);
        }
        assertThat(c.malformed()).isEmpty();
      }
    }
  }

  @Test
  @DisplayName("RESUME <seq> replays the gap, then continues live")
  void resumeReplaysTheGap() throws Exception {
    startServer(100_000);
    appendTopic(1, 1, 30);
    try (LineClient c = new LineClient(server.actualPort(), "RESUME 9")) {
      LineClient.await(WAIT, "replay of seq 10..29", () -> c.posts().size() == 20);
      appendTopic(2, 1, 5);
      LineClient.await(WAIT, "5 live posts after the replay", () -> c.posts().size() == 25);
      assertThat(c.posts()).extracting(Post::seq).containsExactlyElementsOf(
          java.util.stream.LongStream.range(10, 35).boxed().toList());
    }
  }

  @Test
  void resumeOlderThanTheWindowReportsTheGapThenSendsTheOldestHeld() throws Exception {
    startServer(10);
    appendTopic(1, 1, 25);
    try (LineClient c = new LineClient(server.actualPort(), "RESUME 2")) {
      LineClient.await(WAIT, "the 10 posts held", () -> c.posts().size() == 10);
      assertThat(c.controls()).containsExactly("# ERROR resume-too-old requested=2 oldest=15");
      assertThat(c.posts().get(0).seq()).isEqualTo(15);
    }
  }

  @Test
  void aTokenIsRequiredWhenConfigured() throws Exception {
    startServer(1000, "--stream-token", "s3cret");
    appendTopic(1, 1, 3);
    try (LineClient bad = new LineClient(server.actualPort(), "AUTH nope", "RESUME -1");
         LineClient good = new LineClient(server.actualPort(), "AUTH s3cret", "RESUME -1");
         LineClient silent = new LineClient(server.actualPort())) {
      LineClient.await(WAIT, "good client served", () -> good.posts().size() == 3);
      LineClient.await(WAIT, "bad and silent clients closed", () -> bad.ended() && silent.ended());
      assertThat(bad.posts()).isEmpty();
      assertThat(bad.controls()).containsExactly("# ERROR auth-failed");
      assertThat(silent.posts()).isEmpty();
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
        LineClient.await(WAIT, "two live clients", () -> server.liveClientCount() == 2);
        // The slow client never reads. Posts keep coming, 100 at a time, each batch read by the fast client
        // before the next: the fast one never waits on the slow one, which falls out of the window and is cut.
        int total = 0;
        for (int t = 0; t < 400; t++) {
          appendTopic(10_000 + t, 1, 100);
          total += 100;
          int expected = total;
          LineClient.await(WAIT, expected + " posts on the fast client", () -> fast.posts().size() == expected,
              () -> "fast client has " + fast.posts().size() + ", " + server.describeClients());
        }
        LineClient.await(WAIT, "the slow client cut", () -> server.clientCount() == 1, server::describeClients);
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
      LineClient.await(WAIT, "closed", c::ended);
      assertThat(c.controls()).singleElement().asString().startsWith("# ERROR bad-handshake");
    }
  }
}
