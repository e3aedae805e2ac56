package io.jvcstreaming.scraper.stream;

import io.jvcstreaming.codec.Greeting;
import io.jvcstreaming.codec.StreamProtocol;
import io.jvcstreaming.scraper.config.ScraperConfig;
import io.jvcstreaming.scraper.metrics.ScraperMetrics;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves every post of {@link RecentPosts} to every connected client as NDJSON, in seq order, after the v2
 * greeting and handshake (docs/protocol.md), which {@link StreamSession} decides; each connection is a
 * {@link StreamClient}, this class only listens, wakes the clients on appends and closes them.
 *
 * <p>Each client is a cursor into the window: it is fed while its socket's write queue has room and
 * resumes in the drain handler, so a slow client costs only its own bounded queue and never delays the
 * scraper or the other clients. A client whose cursor falls out of the window is cut with a logged reason.
 */
public final class StreamServerVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(StreamServerVerticle.class);

  private final ScraperConfig config;
  private final RecentPosts recent;
  private final Supplier<String> streamId;
  private final ScraperMetrics metrics;
  private final Set<StreamClient> clients = ConcurrentHashMap.newKeySet();
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
    metrics.clientLagGauge(this::clientLags);
    recent.onAppend(() -> {
      if (pumpScheduled.compareAndSet(false, true)) {
        context.runOnContext(v -> {
          pumpScheduled.set(false);
          clients.forEach(StreamClient::pump);
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

  /** Each live client's lag behind the head, by its address: a closed client is gone from the next scrape. */
  public Map<String, Long> clientLags() {
    long[] bounds = recent.bounds();
    Map<String, Long> lags = new HashMap<>();
    for (StreamClient c : clients) {
      if (c.live && !c.closed) {
        lags.put(String.valueOf(c.socket.remoteAddress()), StreamClient.lag(c.cursor, bounds[0], bounds[1]));
      }
    }
    return lags;
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
    StreamClient client = new StreamClient(vertx, config, recent, metrics, this::now, socket, clients::remove);
    clients.add(client);
    socket.closeHandler(v -> {
      clients.remove(client);
      client.closed = true;
    });
    socket.exceptionHandler(e -> LOG.debug("stream client {}: {}", socket.remoteAddress(), e.getMessage()));
    socket.setWriteQueueMaxSize(config.clientBufferBytes());
    client.startHandshake();
  }
}
