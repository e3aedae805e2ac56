package io.jvcstreaming.simulator.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.util.Map;

/** Writes a {@link Reply} (headers, body or only its length for HEAD) and counts its status. */
final class ReplySender {

  private final RequestStats stats;

  ReplySender(RequestStats stats) {
    this.stats = stats;
  }

  void send(HttpServerRequest req, Reply reply) {
    stats.count(Integer.toString(reply.status()));
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
}
