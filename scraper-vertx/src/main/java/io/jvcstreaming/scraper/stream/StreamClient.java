package io.jvcstreaming.scraper.stream;

import io.jvcstreaming.codec.Greeting;
import io.jvcstreaming.codec.ResumeAnswer;
import io.jvcstreaming.codec.StreamProtocol;
import io.jvcstreaming.scraper.config.ScraperConfig;
import io.jvcstreaming.scraper.metrics.ScraperMetrics;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetSocket;
import io.vertx.core.parsetools.RecordParser;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One stream connection: its handshake bytes go to {@link StreamSession}, whose steps this class writes, logs and
 * counts; once live, it is a cursor into the window, fed while its socket's write queue has room and resumed in
 * the drain handler, and cut with a logged reason when it falls out of the window. All on its event loop.
 */
final class StreamClient {
  private static final Logger LOG = LoggerFactory.getLogger(StreamClient.class);
  private static final int LINES_PER_WRITE = 512;
  private static final int BYTES_PER_WRITE = 256 * 1024;
  private static final long FIRST_HELD = StreamSession.FIRST_HELD;

  private final Vertx vertx;
  private final ScraperConfig config;
  private final RecentPosts recent;
  private final ScraperMetrics metrics;
  private final Supplier<Greeting> now;
  private final Consumer<StreamClient> forget;
  final NetSocket socket;
  private final List<byte[]> scratch = new ArrayList<>(LINES_PER_WRITE);
  private final StreamSession session;
  boolean live;
  boolean closed;
  volatile long cursor; // volatile: read by the metrics scrape on another thread
  private long handshakeTimer = -1;

  /**
   * @param now    what a client is greeted with now (the log's identity and the window's seqs)
   * @param forget drops this client from the server's set (when cut: its close may never come)
   */
  StreamClient(Vertx vertx, ScraperConfig config, RecentPosts recent, ScraperMetrics metrics, Supplier<Greeting> now,
      NetSocket socket, Consumer<StreamClient> forget) {
    this.vertx = vertx;
    this.config = config;
    this.recent = recent;
    this.metrics = metrics;
    this.now = now;
    this.forget = forget;
    this.socket = socket;
    long window = config.handshakeTimeout().toMillis();
    this.session = new StreamSession(config.streamToken(), window == 0);
  }

  void startHandshake() {
    RecordParser parser = RecordParser.newDelimited("\n", line ->
        apply(session.line(line.toString(StandardCharsets.UTF_8), now.get())));
    parser.maxRecordSize(StreamProtocol.MAX_HANDSHAKE_LINE);
    parser.exceptionHandler(e -> apply(session.lineTooLong()));
    socket.handler(parser);
    apply(session.accepted(now.get()));
    if (session.state() == StreamSession.State.HANDSHAKE || session.state() == StreamSession.State.AWAITING_AUTH) {
      handshakeTimer = vertx.setTimer(Math.max(1, config.handshakeTimeout().toMillis()), t -> {
        handshakeTimer = -1;
        apply(session.windowElapsed(now.get()));
      });
    }
  }

  /**
   * Posts held that a client at {@code cursor} (the next seq it is sent; {@link #FIRST_HELD}: the oldest held)
   * has not been sent yet, given the window's {@code first} and {@code head} seqs (-1 first: nothing held).
   */
  static long lag(long cursor, long first, long head) {
    if (first < 0) {
      return 0;
    }
    long next = cursor == FIRST_HELD ? first : Math.max(cursor, first);
    return Math.max(0, head - next + 1);
  }

  /** Writes what the session says, moves the cursor, logs and counts; all on this connection's event loop. */
  private void apply(StreamSession.Step step) {
    if (closed) {
      return;
    }
    Future<Void> written = Future.succeededFuture();
    for (String line : step.replies()) {
      written = socket.write(line);
    }
    step.answer().ifPresent(a -> report(a, step.afterLive()));
    if (step.closes()) {
      closed = true;
      cancelTimer();
      LOG.warn("stream client {} refused: {}", socket.remoteAddress(), step.refusal());
      metrics.clientRejected();
      written.onComplete(ar -> socket.close()); // the error line first, so the client knows why
      return;
    }
    if (step.cursor() != StreamSession.UNCHANGED) {
      cancelTimer();
      if (!live) {
        LOG.info("stream client {} live from seq {}", socket.remoteAddress(),
            step.cursor() == FIRST_HELD ? "(first held)" : step.cursor());
      }
      live = true;
      cursor = step.cursor();
      pump();
    }
  }

  private void report(ResumeAnswer answer, boolean afterLive) {
    String line = answer.line().strip();
    ResumeLabels.of(answer, afterLive).forEach(metrics::resumeAnswer);
    if (answer.kind() == ResumeAnswer.Kind.OK) {
      LOG.info("stream client {} resumes: {}", socket.remoteAddress(), line);
    } else if (afterLive) {
      LOG.warn("stream client {} sent RESUME after the handshake window had put it live: honoured, cursor moved "
          + "(posts sent before the answer are void for it): {}", socket.remoteAddress(), line);
    } else {
      LOG.warn("stream client {} asked to resume: {}", socket.remoteAddress(), line);
    }
  }

  private void cancelTimer() {
    if (handshakeTimer >= 0) {
      vertx.cancelTimer(handshakeTimer);
      handshakeTimer = -1;
    }
  }

  void pump() {
    if (!live || closed) {
      return;
    }
    long oldest = recent.firstSeq();
    if (cursor == FIRST_HELD) {
      if (oldest < 0) {
        return; // nothing held yet
      }
      cursor = oldest;
    }
    // checked even while its queue is full: a client that stopped reading is cut as soon as it is behind
    if (oldest > cursor) {
      cutTooSlow(oldest);
      return;
    }
    while (!socket.writeQueueFull()) {
      scratch.clear();
      long next = recent.read(cursor, LINES_PER_WRITE, BYTES_PER_WRITE, scratch);
      if (next < 0) {
        cutTooSlow(recent.firstSeq());
        return;
      }
      if (scratch.isEmpty()) {
        return;
      }
      int size = 0;
      for (byte[] line : scratch) {
        size += line.length;
      }
      Buffer out = Buffer.buffer(size);
      for (byte[] line : scratch) {
        out.appendBytes(line);
      }
      socket.write(out);
      cursor = next;
    }
    socket.drainHandler(v -> pump());
  }

  private void cutTooSlow(long oldest) {
    LOG.warn("stream client {} cut: it fell out of the log window (at seq {}, oldest held {})",
        socket.remoteAddress(), cursor, oldest);
    metrics.slowClientDisconnected();
    closed = true;
    forget.accept(this); // at once: its close may wait on a socket buffer that never drains
    socket.close();
  }
}
