package io.jvcstreaming.dashboard.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import redis.embedded.RedisServer;

/**
 * A real Redis server (the binary shipped in embedded-redis) on a free port, with AOF persistence in a
 * temporary directory, so a test can stop it and start it again with its data.
 */
public final class RedisTestServer implements AutoCloseable {

  private final int port;
  private final Path dir;
  private final String password;
  private RedisServer server;

  public RedisTestServer() {
    this(null);
  }

  /** @param password required from every client ({@code requirepass}), or null for none */
  public RedisTestServer(String password) {
    this.password = password;
    try {
      this.port = freePort();
      this.dir = Files.createTempDirectory("jvc-redis");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    start();
  }

  public void start() {
    try {
      var builder = RedisServer.newRedisServer()
          .port(port)
          .bind("127.0.0.1")
          .setting("dir " + dir)
          .setting("appendonly yes")
          .setting("appendfsync always")
          .setting("save \"\"");
      if (password != null) {
        builder.setting("requirepass " + password);
      }
      server = builder.build();
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the embedded Redis on port " + port, e);
    }
  }

  public void stop() {
    try {
      server.stop();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String url() {
    return "redis://127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  @Override
  public void close() {
    stop();
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      s.setReuseAddress(true);
      return s.getLocalPort();
    }
  }
}
