package io.jvcstreaming.simulator.http;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

/** {@code GET /_control} shows the faults; {@code POST /_control} applies a {@link ControlCommand}. */
final class ControlEndpoint {

  private final Vertx vertx;
  private final Backend backend;

  ControlEndpoint(Vertx vertx, Backend backend) {
    this.vertx = vertx;
    this.backend = backend;
  }

  void handle(HttpServerRequest req) {
    HttpServerResponse res = req.response();
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
}
