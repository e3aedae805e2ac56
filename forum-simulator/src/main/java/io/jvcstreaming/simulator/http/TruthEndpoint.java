package io.jvcstreaming.simulator.http;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

/** {@code GET /_truth?since=N}: NDJSON truth lines, built on a worker because they can be megabytes. */
final class TruthEndpoint {

  private final Vertx vertx;
  private final Backend backend;

  TruthEndpoint(Vertx vertx, Backend backend) {
    this.vertx = vertx;
    this.backend = backend;
  }

  void handle(HttpServerRequest req) {
    HttpServerResponse res = req.response();
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

  /** The {@code since} parameter: absent or empty is 0, anything not a number is -1 (a 400). */
  static long parseSince(String since) {
    if (since == null || since.isEmpty()) {
      return 0;
    }
    try {
      return Long.parseLong(since);
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
