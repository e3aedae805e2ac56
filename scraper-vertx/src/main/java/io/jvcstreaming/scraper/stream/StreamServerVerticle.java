package io.jvcstreaming.scraper.stream;

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
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves every post of {@link RecentPosts} to every connected client as NDJSON, in seq order.
 *
 * <p>Each client is a cursor into the window: it is fed while its socket's write queue has room and
 * resumes in the drain handler, so a slow client costs only its own bounded queue and never delays the
 * scraper or the other clients. A client whose cursor falls out of the window is cut with a logged reason.
 */
public final class StreamServerVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(StreamServerVerticle.class);
  private static final int LINES_PER_WRITE = 512;
  private static final int BYTES_PER_WRITE = 256 * 1024;
  /** Cursor of a client that takes whatever the window holds first. */
  private static final long FROM_OLDEST = -1;

  private final ScraperConfig config;
  private final RecentPosts recent;
  private final ScraperMetrics metrics;
  private final Set<Client> clients = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean pumpScheduled = new AtomicBoolean();
  private NetServer server;

  public StreamServerVerticle(ScraperConfig config, RecentPosts recent, ScraperMetrics metrics) {
    this.config = config;
    this.recent = recent;
    this.metrics = metrics;
  }

  @Override
  public Future<?> start() {
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
    private boolean authenticated;
    private boolean live;
    private boolean closed;
    private long cursor;
    private long handshakeTimer = -1;

    Client(NetSocket socket) {
      this.socket = socket;
      this.authenticated = config.streamToken() == null;
    }

    void startHandshake() {
      RecordParser parser = RecordParser.newDelimited("\n", this::onLine);
      parser.maxRecordSize(StreamProtocol.MAX_HANDSHAKE_LINE);
      parser.exceptionHandler(e -> reject("handshake line too long"));
      socket.handler(parser);
      long timeout = config.handshakeTimeout().toMillis();
      if (timeout == 0 && authenticated) {
        goLive(null);
      } else {
        handshakeTimer = vertx.setTimer(Math.max(1, timeout), t -> {
          handshakeTimer = -1;
          if (!authenticated) {
            reject("no AUTH line within the handshake window");
          } else {
            goLive(null);
          }
        });
      }
    }

    private void onLine(Buffer buffer) {
      if (live || closed) {
        return; // clients have nothing to say once streaming
      }
      String line = buffer.toString(StandardCharsets.UTF_8).strip();
      if (!authenticated) {
        String token = StreamProtocol.parseAuth(line);
        if (token != null && MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
            config.streamToken().getBytes(StandardCharsets.UTF_8))) {
          authenticated = true;
          return;
        }
        reject("bad or missing AUTH");
        return;
      }
      if (line.isEmpty() || line.equals(StreamProtocol.LIVE) || line.startsWith(StreamProtocol.AUTH + " ")) {
        if (!line.startsWith(StreamProtocol.AUTH)) {
          goLive(null);
        }
        return;
      }
      OptionalLong resume = StreamProtocol.parseResume(line);
      if (resume.isPresent()) {
        goLive(resume.getAsLong());
      } else {
        socket.write(StreamProtocol.ERROR_PREFIX + "bad-handshake expected AUTH, RESUME <seq> or LIVE\n");
        metrics.clientRejected();
        socket.close();
      }
    }

    private void reject(String reason) {
      if (closed) {
        return;
      }
      closed = true;
      if (handshakeTimer >= 0) {
        vertx.cancelTimer(handshakeTimer);
      }
      LOG.warn("stream client {} refused: {}", socket.remoteAddress(), reason);
      metrics.clientRejected();
      socket.write(StreamProtocol.ERROR_PREFIX + "auth-failed\n").onComplete(ar -> socket.close());
    }

    private void goLive(Long resumeAfter) {
      if (live) {
        return;
      }
      if (handshakeTimer >= 0) {
        vertx.cancelTimer(handshakeTimer);
      }
      live = true;
      long first = recent.firstSeq();
      long last = recent.lastSeq();
      if (resumeAfter == null) {
        // live: from the next post; with nothing held yet, from whatever comes first
        cursor = last >= 0 ? last + 1 : FROM_OLDEST;
        LOG.info("stream client {} connected, live from seq {}", socket.remoteAddress(), cursor);
      } else if (resumeAfter < 0) {
        cursor = FROM_OLDEST;
        LOG.info("stream client {} asks for everything held (oldest seq {})", socket.remoteAddress(), first);
      } else {
        cursor = resumeAfter + 1;
        if (first >= 0 && cursor < first) {
          socket.write(StreamProtocol.ERROR_PREFIX + "resume-too-old requested=" + resumeAfter + " oldest=" + first + "\n");
          LOG.warn("stream client {} asked to resume after seq {} but the log starts at {}: gap reported",
              socket.remoteAddress(), resumeAfter, first);
          cursor = first;
        }
        LOG.info("stream client {} resumes from seq {}", socket.remoteAddress(), cursor);
      }
      pump();
    }

    void pump() {
      if (!live || closed) {
        return;
      }
      long oldest = recent.firstSeq();
      if (cursor == FROM_OLDEST) {
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
}
