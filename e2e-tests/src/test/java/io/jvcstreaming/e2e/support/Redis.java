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

  public String url() {
    return "redis://127.0.0.1:" + port;
  }

  @Override
  public void close() {
    stop();
  }
}
