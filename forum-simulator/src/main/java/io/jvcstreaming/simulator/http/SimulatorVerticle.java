package io.jvcstreaming.simulator.http;

import io.jvcstreaming.simulator.pictures.PicturePath;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP front, wiring paths to handlers: forum pages go through latency, fault injection and conditional
 * requests ({@link ForumPageHandler}); the {@code /_} endpoints (truth, stats, control) and the demo's
 * {@code /pictures/} never fail. Pages are rendered on the event loop: they are cached per topic version and a miss
 * costs well under a millisecond; only {@code /_truth}, which can be megabytes, and the pictures are built on a
 * worker.
 */
public final class SimulatorVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(SimulatorVerticle.class);

  private final Backend backend;
  private final String host;
  private final int port;
  private HttpServer server;
  private ForumPageHandler forum;
  private PictureHandler pictures;
  private TruthEndpoint truth;
  private ControlEndpoint control;

  public SimulatorVerticle(Backend backend, String host, int port) {
    this.backend = backend;
    this.host = host;
    this.port = port;
  }

  @Override
  public Future<?> start() {
    ReplySender sender = new ReplySender(backend.stats());
    forum = new ForumPageHandler(vertx, backend, sender, this::origin);
    pictures = new PictureHandler(vertx, sender);
    truth = new TruthEndpoint(vertx, backend);
    control = new ControlEndpoint(vertx, backend);
    // HTTP/1.1 only: the JDK HttpClient tries an h2c upgrade on plain http:// and stalled against the upgraded
    // connection; the real forum's HTTP/2 is over TLS anyway, which a local simulator does not offer.
    HttpServerOptions options = new HttpServerOptions().setHttp2ClearTextEnabled(false);
    server = vertx.createHttpServer(options).requestHandler(this::handle);
    return server.listen(port, host);
  }

  public int actualPort() {
    return server.actualPort();
  }

  private void handle(HttpServerRequest req) {
    try {
      String path = req.path();
      if (path.startsWith("/_")) {
        handleInternal(req, path);
      } else if (path.startsWith(PicturePath.PREFIX)) {
        pictures.handle(req, path);
      } else {
        forum.handle(req);
      }
    } catch (RuntimeException e) {
      LOG.error("request {} failed", req.uri(), e);
      if (!req.response().ended()) {
        req.response().setStatusCode(500).end("internal error: " + e);
      }
    }
  }

  private void handleInternal(HttpServerRequest req, String path) {
    switch (path) {
      case "/_truth" -> truth.handle(req);
      case "/_stats" -> req.response().putHeader("Content-Type", "application/json").end(backend.statsJson());
      case "/_control" -> control.handle(req);
      default -> req.response().setStatusCode(404).end("unknown endpoint " + path);
    }
  }

  /** Redirects are absolute, as the forum's are: on the host the client asked for, else on the bound address. */
  private String origin(HttpServerRequest req) {
    String hostHeader = req.getHeader("Host");
    if (hostHeader != null && !hostHeader.isBlank()) {
      return "http://" + hostHeader;
    }
    return "http://" + host + ":" + server.actualPort();
  }
}
