package io.jvcstreaming.dashboard.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/** The scraper's {@code /metrics}: counters that grow each time they are read, like a busy scraper's. */
public final class FakeMetrics implements AutoCloseable {

  private final HttpServer server;
  private final AtomicLong scrapes = new AtomicLong();

  public FakeMetrics() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/metrics", exchange -> {
      long n = scrapes.incrementAndGet();
      String body = "# TYPE jvc_posts_streamed_total counter\n"
          + "jvc_posts_streamed_total " + (1000 + n * 12) + "\n"
          + "jvc_pages_fetched_total{outcome=\"ok\"} " + (500 + n * 3) + "\n"
          + "jvc_pages_fetched_total{outcome=\"http_error\"} 2\n"
          + "jvc_parse_errors_total{reason=\"no-author\"} 1\n"
          + "jvc_fetch_retries_total 4\n"
          + "jvc_stream_clients_connected 3\n"
          + "jvc_fetch_queue_depth 5\n";
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "text/plain; version=0.0.4");
      exchange.sendResponseHeaders(200, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    });
    server.start();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
