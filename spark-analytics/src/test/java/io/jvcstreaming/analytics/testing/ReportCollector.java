package io.jvcstreaming.analytics.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/** A tiny dashboard stand-in: receives the published JSON reports and keeps the latest per job. */
public final class ReportCollector implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpServer server;
  private final Map<String, JsonNode> latest = new ConcurrentHashMap<>();
  private final AtomicInteger received = new AtomicInteger();
  private final Map<String, String> contentTypes = new ConcurrentHashMap<>();

  public ReportCollector() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/reports", exchange -> {
      try (InputStream in = exchange.getRequestBody()) {
        JsonNode node = JSON.readTree(in);
        contentTypes.put(node.get("job").asText(), String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type")));
        latest.merge(node.get("job").asText(), node,
            (old, now) -> now.get("batchTime").asLong() >= old.get("batchTime").asLong() ? now : old);
        received.incrementAndGet();
        exchange.sendResponseHeaders(204, -1);
      } finally {
        exchange.close();
      }
    });
    server.start();
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/reports";
  }

  public int received() {
    return received.get();
  }

  public JsonNode latest(String job) {
    return latest.get(job);
  }

  public String contentType(String job) {
    return contentTypes.get(job);
  }

  /** The latest counts of a job, key to count; empty before its first report. */
  public Map<String, Long> counts(String job) {
    JsonNode node = latest.get(job);
    Map<String, Long> counts = new HashMap<>();
    if (node != null) {
      for (JsonNode row : node.get("top")) {
        counts.put(row.get("key").asText(), row.get("count").asLong());
      }
    }
    return counts;
  }

  /** Polls until {@code job}'s latest counts satisfy the condition; returns the last counts seen either way. */
  public Map<String, Long> awaitCounts(String job, Predicate<Map<String, Long>> condition, Duration timeout)
      throws InterruptedException {
    List<Map<String, Long>> last = new java.util.ArrayList<>(List.of(counts(job)));
    io.jvcstreaming.testkit.Await.within(timeout, () -> {
      last.set(0, counts(job));
      return condition.test(last.get(0));
    });
    return last.get(0);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
