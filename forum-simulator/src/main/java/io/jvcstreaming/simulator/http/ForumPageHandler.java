package io.jvcstreaming.simulator.http;

import io.jvcstreaming.simulator.Faults;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

/**
 * Forum pages: latency, then the fault the roll picks ({@link FaultRoll}), then the routed page, possibly cut
 * ({@code malformed}), with its validators and the 304 of a matching conditional request.
 */
final class ForumPageHandler {

  private final Vertx vertx;
  private final Backend backend;
  private final ReplySender sender;
  private final Function<HttpServerRequest, String> origin;

  ForumPageHandler(Vertx vertx, Backend backend, ReplySender sender, Function<HttpServerRequest, String> origin) {
    this.vertx = vertx;
    this.backend = backend;
    this.sender = sender;
    this.origin = origin;
  }

  void handle(HttpServerRequest req) {
    Faults faults = backend.faults();
    int jitter = faults.latencyJitterMs();
    long delay = faults.latencyMs() + (jitter > 0 ? ThreadLocalRandom.current().nextInt(jitter + 1) : 0);
    if (delay > 0) {
      req.pause(); // keep the request's (empty) body until the delayed handler runs
      vertx.setTimer(delay, id -> {
        req.resume();
        serve(req, faults);
      });
    } else {
      serve(req, faults);
    }
  }

  private void serve(HttpServerRequest req, Faults faults) {
    HttpServerResponse res = req.response();
    ThreadLocalRandom random = ThreadLocalRandom.current();
    switch (FaultRoll.of(faults, random.nextDouble())) {
      case DROP -> {
        backend.stats().count("dropped");
        req.connection().close();
        return;
      }
      case CHALLENGE -> {
        String ray = Long.toHexString(random.nextLong() & 0xFFFFFFFFFFFFL) + "-CDG";
        res.putHeader("cf-mitigated", "challenge").putHeader("cf-ray", ray).putHeader("Server", "cloudflare")
            .putHeader("Cache-Control", "private, max-age=0, no-store, no-cache, must-revalidate");
        sender.send(req, Reply.html(403, SpecialPages.challenge(ray)));
        return;
      }
      case ERROR_503 -> {
        if (random.nextBoolean()) {
          res.putHeader("Retry-After", Integer.toString(1 + random.nextInt(3)));
        }
        sender.send(req, Reply.html(503, SpecialPages.serviceUnavailable()));
        return;
      }
      case TOO_MANY -> {
        if (random.nextInt(10) < 7) {
          res.putHeader("Retry-After", "1");
        }
        sender.send(req, Reply.html(429, SpecialPages.tooManyRequests()));
        return;
      }
      case SERVE -> {
      }
    }
    if (req.method() != HttpMethod.GET && req.method() != HttpMethod.HEAD) {
      sender.send(req, Reply.html(405, "<html><body>405</body></html>"));
      return;
    }
    Reply reply = backend.routes().route(req.path(), origin.apply(req));
    if (reply.forumPage() && random.nextDouble() < faults.malformed()) {
      // A page cut in the middle, served as a complete 200 without validators (a client must not cache it).
      byte[] body = reply.body();
      int cut = (int) (body.length * (0.2 + 0.6 * random.nextDouble()));
      sender.send(req, new Reply(200, reply.headers(), Arrays.copyOf(body, cut), false, null, 0));
      return;
    }
    if (reply.etag() != null) {
      res.putHeader("ETag", reply.etag());
      res.putHeader("Last-Modified", Conditional.httpDate(reply.lastModifiedMillis()));
      res.putHeader("Cache-Control", "no-cache");
      if (Conditional.notModified(req.getHeader("If-None-Match"), req.getHeader("If-Modified-Since"), reply.etag(),
          reply.lastModifiedMillis())) {
        backend.stats().count("304");
        res.setStatusCode(304).end();
        return;
      }
    }
    sender.send(req, reply);
  }
}
