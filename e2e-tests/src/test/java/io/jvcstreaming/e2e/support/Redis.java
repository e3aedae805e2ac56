package io.jvcstreaming.e2e.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import redis.embedded.RedisServer;

/**
 * A real Redis process (the binary shipped in embedded-redis) on a free loopback port, with AOF persistence
 * ({@code appendonly yes}, fsync always) in a directory of its own, so it can be stopped and started again with its data.
 */
public final class Redis implements AutoCloseable {

  private final int port;
  private final Path dir;
  private RedisServer server;
  private boolean running;

  public Redis(Path dir) {
    this.port = Env.freePort();
    this.dir = dir;
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    start();
  }

  public synchronized void start() {
    try {
      server = RedisServer.newRedisServer()
          .port(port)
          .bind("127.0.0.1")
          .setting("dir " + dir)
          .setting("appendonly yes")
          .setting("appendfsync always")
          .setting("save \"\"")
          .build();
      server.start();
      running = true;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start Redis on port " + port, e);
    }
  }

  public synchronized void stop() {
    if (!running) {
      return;
    }
    try {
      server.stop();
      running = false;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code FLUSHALL} (the store wiped under a running scraper, or while it is stopped). */
  public void flushAll() {
    try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
      s.setSoTimeout(10_000);
      s.getOutputStream().write("*1\r\n$8\r\nFLUSHALL\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      s.getOutputStream().flush();
      byte[] reply = new byte[5];
      int n = s.getInputStream().readNBytes(reply, 0, 5);
      String answer = new String(reply, 0, n, java.nio.charset.StandardCharsets.US_ASCII);
      if (!answer.equals("+OK\r\n")) {
        throw new AssertionError("FLUSHALL answered " + answer);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("FLUSHALL on Redis port " + port, e);
    }
  }

  public String url() {
    return "redis://127.0.0.1:" + port;
  }

  @Override
  public void close() {
    stop();
  }
}
