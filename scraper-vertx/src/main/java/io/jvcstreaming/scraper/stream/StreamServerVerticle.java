package io.jvcstreaming.scraper.stream;

import io.jvcstreaming.codec.Greeting;
import io.jvcstreaming.codec.ResumeAnswer;
import io.jvcstreaming.codec.StreamProtocol;
import io.jvcstreaming.scraper.config.ScraperConfig;
import io.jvcstreaming.scraper.metrics.ScraperMetrics;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;
import io.vertx.core.parsetools.RecordParser;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves every post of {@link RecentPosts} to every connected client as NDJSON, in seq order, after the v2
 * greeting and handshake (docs/protocol.md), which {@link StreamSession} decides; this class only wires
 * sockets, timers, logs and metrics to it.
 *
 * <p>Each client is a cursor into the window: it is fed while its socket's write queue has room and
 * resumes in the drain handler, so a slow client costs only its own bounded queue and never delays the
 * scraper or the other clients. A client whose cursor falls out of the window is cut with a logged reason.
 */
public final class StreamServerVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(StreamServerVerticle.class);
  private static final int LINES_PER_WRITE = 512;
  private static final int BYTES_PER_WRITE = 256 * 1024;
  private static final long FIRST_HELD = StreamSession.FIRST_HELD;

  private final ScraperConfig config;
  private final RecentPosts recent;
  private final Supplier<String> streamId;
  private final ScraperMetrics metrics;
  private final Set<Client> clients = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean pumpScheduled = new AtomicBoolean();
  private NetServer server;

  /**
   * @param streamId the log's identity ({@code PostLog::streamId}), read when a client connects: valid once the
   *                 log has started, which is before this verticle is deployed
   */
  public StreamServerVerticle(ScraperConfig config, RecentPosts recent, Supplier<String> streamId,
      ScraperMetrics metrics) {
    this.config = config;
    this.recent = recent;
    this.streamId = streamId;
    this.metrics = metrics;
  }

  @Override
  public Future<?> start() {
    if (!StreamProtocol.validStreamId(streamId.get())) {
      return Future.failedFuture(new IllegalStateException("the post log has no valid stream id (" + streamId.get()
          + "): start the log before the stream server"));
    }
    metrics.clientsGauge(clients::size);
    recent.onAppend(() -> {
      if (pumpScheduled.compareAndSet(false, true)) {
        context.runOnContext(v -> {
          pumpScheduled.set(false);
          clients.forEach(Client::pump);
        });
      }
    });
    server = vertx.createNetServer(new NetServerOptions().setTcpNoDelay(true).setTcpKeepAlive(true));
    server.connectHandler(this::accept);
    return server.listen(config.streamPort(), config.streamHost())
        .onSuccess(s -> LOG.info("streaming NDJSON on {}:{}", config.streamHost(), s.actualPort()));
  }

  /** The bound port (useful when configured as 0). */
  public int actualPort() {
    return server.actualPort();
  }

  public int clientCount() {
    return clients.size();
  }

  /** Clients past their handshake, being fed. */
  public long liveClientCount() {
    return clients.stream().filter(c -> c.live && !c.closed).count();
  }

  /** For logs and tests: each client's position and whether its socket is backed up. */
  public String describeClients() {
    StringBuilder sb = new StringBuilder();
    clients.forEach(c -> sb.append(c.socket.remoteAddress()).append(" cursor=").append(c.cursor)
        .append(" live=").append(c.live).append(" full=").append(c.socket.writeQueueFull()).append("; "));
    return sb.append("window=").append(recent.firstSeq()).append("..").append(recent.lastSeq()).toString();
  }

  @Override
  public Future<?> stop() {
    clients.forEach(c -> c.socket.close());
    return server == null ? Future.succeededFuture() : server.close();
  }

  /** What a client is greeted with now: the log's identity and the seqs the window holds. */
  private Greeting now() {
    long[] bounds = recent.bounds();
    return new Greeting(streamId.get(), bounds[0], bounds[1]);
  }

  private void accept(NetSocket socket) {
    Client client = new Client(socket);
    clients.add(client);
    socket.closeHandler(v -> {
      clients.remove(client);
      client.closed = true;
    });
    socket.exceptionHandler(e -> LOG.debug("stream client {}: {}", socket.remoteAddress(), e.getMessage()));
    socket.setWriteQueueMaxSize(config.clientBufferBytes());
    client.startHandshake();
  }

  private final class Client {
    private final NetSocket socket;
    private final List<byte[]> scratch = new ArrayList<>(LINES_PER_WRITE);
    private final StreamSession session;
    private boolean live;
    private boolean closed;
    private long cursor;
    private long handshakeTimer = -1;

    Client(NetSocket socket) {
      this.socket = socket;
      long window = config.handshakeTimeout().toMillis();
      this.session = new StreamSession(config.streamToken(), window == 0);
    }

    void startHandshake() {
      RecordParser parser = RecordParser.newDelimited("\n", line ->
          apply(session.line(line.toString(StandardCharsets.UTF_8), now())));
      parser.maxRecordSize(StreamProtocol.MAX_HANDSHAKE_LINE);
      parser.exceptionHandler(e -> apply(session.lineTooLong()));
      socket.handler(parser);
      apply(session.accepted(now()));
      if (session.state() == StreamSession.State.HANDSHAKE || session.state() == StreamSession.State.AWAITING_AUTH) {
        handshakeTimer = vertx.setTimer(Math.max(1, config.handshakeTimeout().toMillis()), t -> {
          handshakeTimer = -1;
          apply(session.windowElapsed(now()));
        });
      }
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
      metrics.resumeAnswer(answerLabel(answer));
      if (afterLive && answer.kind() != ResumeAnswer.Kind.AFTER_LIVE) {
        metrics.resumeAnswer(answerLabel(ResumeAnswer.afterLive(answer.requested(), answer.from())));
      }
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
      clients.remove(this); // at once: its close may wait on a socket buffer that never drains
      socket.close();
    }
  }

  /** The metric label of an answer: its wire code ({@code resume-too-old}...), {@code ok} for OK. */
  static String answerLabel(ResumeAnswer answer) {
    return answer.kind() == ResumeAnswer.Kind.OK ? "ok"
        : answer.line().split(" ")[2].toLowerCase(Locale.ROOT);
  }
}
