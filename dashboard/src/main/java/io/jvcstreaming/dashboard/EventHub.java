package io.jvcstreaming.dashboard;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The open Server-Sent-Events streams and what is pushed on them. SSE rather than WebSocket: the traffic
 * is one-way, EventSource reconnects by itself, and it passes through proxies as plain HTTP. A browser
 * that cannot keep up is disconnected rather than buffered without bound; its EventSource reconnects and
 * gets the whole state again, which is all it would have wanted anyway.
 */
final class EventHub {

  static final int MAX_CLIENTS = 500;
  static final long HEARTBEAT_MS = 15_000;

  private final Vertx vertx;
  private final Set<HttpServerResponse> clients = new LinkedHashSet<>();
  private long heartbeat = -1;

  public EventHub(Vertx vertx) {
    this.vertx = vertx;
  }

  public void start() {
    // A comment line now and then keeps idle proxies and load balancers from closing the stream.
    heartbeat = vertx.setPeriodic(HEARTBEAT_MS, id -> broadcastRaw(": keep-alive\n\n"));
  }

  public void stop() {
    if (heartbeat >= 0) {
      vertx.cancelTimer(heartbeat);
    }
    for (HttpServerResponse r : List.copyOf(clients)) {
      r.end();
    }
    clients.clear();
  }

  /** @return false when the hub is full and the response was not taken */
  public boolean open(HttpServerResponse response, JsonObject initialState) {
    if (clients.size() >= MAX_CLIENTS) {
      return false;
    }
    response.setChunked(true)
        .putHeader("Content-Type", "text/event-stream; charset=utf-8")
        .putHeader("Cache-Control", "no-cache, no-store, no-transform")
        .putHeader("X-Accel-Buffering", "no");
    clients.add(response);
    response.closeHandler(v -> clients.remove(response));
    response.exceptionHandler(e -> clients.remove(response));
    response.write("retry: 2000\n\n");
    response.write(frame("state", initialState));
    return true;
  }

  public void broadcast(String event, JsonObject data) {
    if (!clients.isEmpty()) {
      broadcastRaw(frame(event, data));
    }
  }

  public int size() {
    return clients.size();
  }

  private void broadcastRaw(String frame) {
    for (HttpServerResponse r : List.copyOf(clients)) {
      if (r.writeQueueFull()) {
        clients.remove(r);
        r.reset();
      } else {
        r.write(frame);
      }
    }
  }

  /** JsonObject.encode() escapes every newline inside strings, so one data line always suffices. */
  static String frame(String event, JsonObject data) {
    return "event: " + event + "\ndata: " + data.encode() + "\n\n";
  }
}
