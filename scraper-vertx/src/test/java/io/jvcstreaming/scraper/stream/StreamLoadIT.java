package io.jvcstreaming.scraper.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.jvcstreaming.codec.BoundedLineReader;
import io.jvcstreaming.codec.PostCodec;
import io.jvcstreaming.scraper.config.ConfigLoader;
import io.jvcstreaming.scraper.config.ScraperConfig;
import io.jvcstreaming.scraper.log.InMemoryPostLog;
import io.jvcstreaming.scraper.metrics.ScraperMetrics;
import io.jvcstreaming.testkit.Await;
import io.jvcstreaming.testkit.LineClient;
import io.jvcstreaming.testkit.TestPosts;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Ten clients at 20 000 posts/s, plus one that stops reading: every reading client gets every post in
 * order, the stalled one is cut without slowing them, and the heap stays bounded.
 * {@code -Dload.seconds=60} for the full-length run (default 20 s in the build).
 */
class StreamLoadIT {

  private static final int CLIENTS = 10;
  private static final int RATE = 20_000;
  private static final int SECONDS = Integer.getInteger("load.seconds", 20);

  /** Reads lines, checks that seqs follow each other, and keeps nothing. */
  private static final class CountingClient implements AutoCloseable {
    final Socket socket = new Socket();
    final AtomicLong count = new AtomicLong();
    final AtomicLong outOfOrder = new AtomicLong();
    volatile long lastSeq = -1;
    final Thread thread;

    CountingClient(int port) throws IOException {
      socket.connect(new InetSocketAddress("127.0.0.1", port));
      socket.getOutputStream().write("LIVE\n".getBytes());
      thread = new Thread(this::run, "load-client");
      thread.setDaemon(true);
      thread.start();
    }

    private void run() {
      try {
        BoundedLineReader r = new BoundedLineReader(socket.getInputStream(), PostCodec.MAX_LINE_BYTES);
        while (r.next() == BoundedLineReader.Kind.LINE) {
          if (r.length() > 0 && r.buffer()[0] == '#') {
            continue; // the greeting
          }
          long seq = seqOf(r.buffer(), r.length());
          if (lastSeq >= 0 && seq != lastSeq + 1) {
            outOfOrder.incrementAndGet();
          }
          lastSeq = seq;
          count.incrementAndGet();
        }
      } catch (IOException e) {
        // closed at the end
      }
    }

    /** Lines start with {"seq":N, — reading just that keeps ten clients cheap on two cores. */
    static long seqOf(byte[] line, int length) {
      long v = 0;
      for (int i = 7; i < length && line[i] != ','; i++) {
        v = v * 10 + (line[i] - '0');
      }
      return v;
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }

  @Test
  @Timeout(value = 10, unit = TimeUnit.MINUTES)
  void tenClientsAtTwentyThousandPostsPerSecondGetEveryPostInOrder() throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      ScraperConfig config = ConfigLoader.load(new String[] {"--stream-port", "0", "--handshake-timeout", "100ms"},
          Map.of());
      RecentPosts recent = new RecentPosts(100_000);
      InMemoryPostLog log = new InMemoryPostLog(recent);
      ScraperMetrics metrics = new ScraperMetrics();
      StreamServerVerticle server = new StreamServerVerticle(config, recent, log::streamId, metrics);
      vertx.deployVerticle(server).await();

      List<CountingClient> clients = new ArrayList<>();
      for (int i = 0; i < CLIENTS; i++) {
        clients.add(new CountingClient(server.actualPort()));
      }
      Socket stalled = new Socket();
      stalled.setReceiveBufferSize(4096);
      stalled.connect(new InetSocketAddress("127.0.0.1", server.actualPort()));
      OutputStream out = stalled.getOutputStream();
      out.write("LIVE\n".getBytes());
      out.flush();
      Await.until(Duration.ofSeconds(10), "all clients live", () -> server.liveClientCount() == CLIENTS + 1);

      // 200 posts every 10 ms from a timer, each batch a topic of its own, for SECONDS
      long total = (long) RATE * SECONDS;
      AtomicLong produced = new AtomicLong();
      long[] topic = {1};
      long timer = vertx.setPeriodic(10, t -> {
        if (produced.get() < total) {
          log.append(topic[0]++, TestPosts.posts(topic[0], topic[0] * 1_000_000 + 1, RATE / 100), 1);
          produced.addAndGet(RATE / 100);
        }
      });
      Runtime rt = Runtime.getRuntime();
      AtomicLong peakUsed = new AtomicLong();
      // the heap is sampled at every poll while the readers catch up; the counts are asserted just below
      Await.within(Duration.ofSeconds(SECONDS * 3L + 30), () -> {
        peakUsed.accumulateAndGet(rt.totalMemory() - rt.freeMemory(), Math::max);
        return clients.stream().allMatch(c -> c.count.get() >= total);
      });
      vertx.cancelTimer(timer);

      for (CountingClient c : clients) {
        assertThat(c.count.get()).as("posts received by a reading client").isEqualTo(total);
        assertThat(c.outOfOrder.get()).as("seq gaps or reorders").isZero();
        assertThat(c.lastSeq).isEqualTo(total - 1);
      }
      assertThat(metrics.render(true, true)).contains("jvc_stream_clients_disconnected_slow_total 1");
      assertThat(server.clientCount()).isEqualTo(CLIENTS);
      // The window holds 100 000 encoded lines (~40 MB); all else is per-client queues of 4 MiB at most.
      // The IT JVM runs with -Xmx768m (failsafe argLine), so an unbounded backlog would also end in an OOM.
      System.gc();
      long retained = rt.totalMemory() - rt.freeMemory();
      assertThat(retained).as("heap retained after the run, bytes").isLessThan(256L * 1024 * 1024);
      System.out.printf("load: %d clients x %d posts at %d/s, peak heap in use %d MiB, retained %d MiB%n", CLIENTS,
          total, RATE, peakUsed.get() / (1024 * 1024), retained / (1024 * 1024));
      for (CountingClient c : clients) {
        c.close();
      }
      stalled.close();
    } finally {
      vertx.close().await();
    }
  }
}
