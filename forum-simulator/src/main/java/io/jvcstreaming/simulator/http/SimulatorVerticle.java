package io.jvcstreaming.simulator.http;

import io.jvcstreaming.simulator.Faults;
import io.jvcstreaming.simulator.pictures.PictureCache;
import io.jvcstreaming.simulator.pictures.PicturePath;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP front: forum pages go through latency, fault injection and conditional requests; the {@code /_}
 * endpoints (truth, stats, control) and the demo's {@code /pictures/} never fail. Pages are rendered on the event
 * loop: they are cached per topic version and a miss costs well under a millisecond; only {@code /_truth}, which
 * can be megabytes, and the pictures are built on a worker.
 */
public final class SimulatorVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(SimulatorVerticle.class);
  private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME;

  private final Backend backend;
  private final PictureCache pictures = new PictureCache();
  private final String host;
  private final int port;
  private HttpServer server;

  public SimulatorVerticle(Backend backend, String host, int port) {
    this.backend = backend;
    this.host = host;
    this.port = port;
  }

  @Override
  public Future<?> start() {
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
        servePicture(req, path);
      } else {
        handleForum(req);
      }
    } catch (RuntimeException e) {
      LOG.error("request {} failed", req.uri(), e);
      if (!req.response().ended()) {
        req.response().setStatusCode(500).end("internal error: " + e);
      }
    }
  }

  /**
   * The demo's sticker pictures: never faulted (they stand in for other hosts than the forum), drawn on a worker
   * on first use (image encoding is milliseconds of CPU), then cached; immutable, so browsers may keep them.
   */
  private void servePicture(HttpServerRequest req, String path) {
    HttpServerResponse res = req.response();
    Optional<String> identity = PicturePath.of(path);
    if (identity.isEmpty() || req.method() != HttpMethod.GET && req.method() != HttpMethod.HEAD) {
      send(req, Reply.html(404, SpecialPages.notFound()));
      return;
    }
    vertx.executeBlocking(() -> pictures.png(identity.get())).onComplete(ar -> {
      if (ar.failed()) {
        LOG.warn("cannot draw the picture {}: {}", identity.get(), ar.cause().toString());
        send(req, Reply.html(500, "<html><body>500</body></html>"));
        return;
      }
      res.putHeader("Cache-Control", "public, max-age=86400, immutable");
      send(req, new Reply(200, Reply.headers("Content-Type", "image/png"), ar.result(), false, null, 0));
    });
  }

  private void handleForum(HttpServerRequest req) {
    Faults faults = backend.faults();
    int jitter = faults.latencyJitterMs();
    long delay = faults.latencyMs() + (jitter > 0 ? ThreadLocalRandom.current().nextInt(jitter + 1) : 0);
    if (delay > 0) {
      req.pause(); // keep the request's (empty) body until the delayed handler runs
      vertx.setTimer(delay, id -> {
        req.resume();
        serveForum(req, faults);
      });
    } else {
      serveForum(req, faults);
    }
  }

  private void serveForum(HttpServerRequest req, Faults faults) {
    HttpServerResponse res = req.response();
    ThreadLocalRandom random = ThreadLocalRandom.current();
    double roll = random.nextDouble();
    if ((roll -= faults.drop()) < 0) {
      backend.stats().count("dropped");
      req.connection().close();
      return;
    }
    if ((roll -= faults.challenge()) < 0) {
      String ray = Long.toHexString(random.nextLong() & 0xFFFFFFFFFFFFL) + "-CDG";
      res.putHeader("cf-mitigated", "challenge").putHeader("cf-ray", ray).putHeader("Server", "cloudflare")
          .putHeader("Cache-Control", "private, max-age=0, no-store, no-cache, must-revalidate");
      send(req, Reply.html(403, SpecialPages.challenge(ray)));
      return;
    }
    if ((roll -= faults.error503()) < 0) {
      if (random.nextBoolean()) {
        res.putHeader("Retry-After", Integer.toString(1 + random.nextInt(3)));
      }
      send(req, Reply.html(503, SpecialPages.serviceUnavailable()));
      return;
    }
    if ((roll -= faults.tooMany()) < 0) {
      if (random.nextInt(10) < 7) {
        res.putHeader("Retry-After", "1");
      }
      send(req, Reply.html(429, SpecialPages.tooManyRequests()));
      return;
    }
    if (req.method() != HttpMethod.GET && req.method() != HttpMethod.HEAD) {
      send(req, Reply.html(405, "<html><body>405</body></html>"));
      return;
    }
    Reply reply = backend.routes().route(req.path(), origin(req));
    if (reply.forumPage() && random.nextDouble() < faults.malformed()) {
      // A page cut in the middle, served as a complete 200 without validators (a client must not cache it).
      byte[] body = reply.body();
      int cut = (int) (body.length * (0.2 + 0.6 * random.nextDouble()));
      send(req, new Reply(200, reply.headers(), Arrays.copyOf(body, cut), false, null, 0));
      return;
    }
    if (reply.etag() != null) {
      res.putHeader("ETag", reply.etag());
      res.putHeader("Last-Modified", httpDate(reply.lastModifiedMillis()));
      res.putHeader("Cache-Control", "no-cache");
      if (notModified(req, reply)) {
        backend.stats().count("304");
        res.setStatusCode(304).end();
        return;
      }
    }
    send(req, reply);
  }

  private static boolean notModified(HttpServerRequest req, Reply reply) {
    String ifNoneMatch = req.getHeader("If-None-Match");
    if (ifNoneMatch != null) {
      for (String tag : ifNoneMatch.split(",")) {
        String t = tag.trim();
        if (t.startsWith("W/")) {
          t = t.substring(2);
        }
        if (t.equals(reply.etag()) || t.equals("*")) {
          return true;
        }
      }
      return false; // If-None-Match takes precedence over If-Modified-Since (RFC 9110)
    }
    String ifModifiedSince = req.getHeader("If-Modified-Since");
    if (ifModifiedSince != null) {
      try {
        long since = ZonedDateTime.parse(ifModifiedSince.trim(), HTTP_DATE).toInstant().toEpochMilli();
        return reply.lastModifiedMillis() <= since;
      } catch (DateTimeParseException e) {
        return false;
      }
    }
    return false;
  }

  private void send(HttpServerRequest req, Reply reply) {
    backend.stats().count(Integer.toString(reply.status()));
    HttpServerResponse res = req.response().setStatusCode(reply.status());
    for (Map.Entry<String, String> h : reply.headers().entrySet()) {
      res.putHeader(h.getKey(), h.getValue());
    }
    if (req.method() == HttpMethod.HEAD) {
      res.putHeader("Content-Length", Integer.toString(reply.body().length)).end();
    } else {
      res.end(Buffer.buffer(reply.body()));
    }
  }

  private void handleInternal(HttpServerRequest req, String path) {
    HttpServerResponse res = req.response();
    switch (path) {
      case "/_truth" -> {
        long since = parseSince(req.getParam("since"));
        if (since < 0) {
          res.setStatusCode(400).end("since must be a non-negative integer");
          return;
        }
        vertx.executeBlocking(() -> backend.truth(since)).onComplete(ar -> {
          if (ar.succeeded()) {
            res.putHeader("Content-Type", "application/x-ndjson; charset=UTF-8").end(Buffer.buffer(ar.result()));
          } else {
            res.setStatusCode(500).end(String.valueOf(ar.cause()));
          }
        });
      }
      case "/_stats" -> res.putHeader("Content-Type", "application/json").end(backend.statsJson());
      case "/_control" -> {
        if (req.method() == HttpMethod.GET) {
          res.putHeader("Content-Type", "application/json").end(ControlCommand.toJson(backend.faults()));
          return;
        }
        if (req.method() != HttpMethod.POST) {
          res.setStatusCode(405).end();
          return;
        }
        req.body().onComplete(ar -> {
          if (ar.failed()) {
            res.setStatusCode(400).end(String.valueOf(ar.cause()));
            return;
          }
          try {
            ControlCommand command = ControlCommand.parse(ar.result().getBytes(), backend.faults());
            // Moderation takes the world's write lock: keep it off the event loop.
            vertx.executeBlocking(() -> {
              backend.control(command);
              return ControlCommand.toJson(backend.faults());
            }).onComplete(done -> {
              if (done.succeeded()) {
                res.putHeader("Content-Type", "application/json").end(done.result());
              } else {
                res.setStatusCode(500).end(String.valueOf(done.cause()));
              }
            });
          } catch (IllegalArgumentException e) {
            res.setStatusCode(400).putHeader("Content-Type", "text/plain; charset=UTF-8").end(e.getMessage());
          }
        });
      }
      default -> res.setStatusCode(404).end("unknown endpoint " + path);
    }
  }

  private static long parseSince(String since) {
    if (since == null || since.isEmpty()) {
      return 0;
    }
    try {
      return Long.parseLong(since);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private String origin(HttpServerRequest req) {
    String hostHeader = req.getHeader("Host");
    if (hostHeader != null && !hostHeader.isBlank()) {
      return "http://" + hostHeader;
    }
    return "http://" + host + ":" + server.actualPort();
  }

  private static String httpDate(long millis) {
    return HTTP_DATE.format(Instant.ofEpochMilli(millis).atZone(ZoneOffset.UTC));
  }
}
