package io.jvcstreaming.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import redis.embedded.RedisServer;

/**
 * A real Redis server (the binary shipped in embedded-redis) on a free loopback port, with AOF persistence
 * ({@code appendonly yes}, fsync always) in a directory of its own, so a test can stop it and start it again with its
 * data. The consumer brings {@code embedded-redis} on its test classpath (optional here).
 */
public final class RedisTestServer implements AutoCloseable {

  private final int port;
  private final Path dir;
  private final String password;
  private RedisServer server;
  private boolean running;

  /** In a new temporary directory, no password. */
  public RedisTestServer() {
    this(tempDir(), null);
  }

  /** @param password required from every client ({@code requirepass}), or null for none */
  public RedisTestServer(String password) {
    this(tempDir(), password);
  }

  /** In {@code dir} (created if missing), no password: the data stays where the test can look at it. */
  public RedisTestServer(Path dir) {
    this(dir, null);
  }

  private RedisTestServer(Path dir, String password) {
    this.port = FreePort.next();
    this.dir = dir;
    this.password = password;
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    start();
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("jvc-redis");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public synchronized void start() {
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
      running = true;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the embedded Redis on port " + port, e);
    }
  }

  /** Stops the server; a second stop (or a close after a stop) does nothing. */
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

  /** {@code FLUSHALL} (the store wiped under a running client, or while it is stopped); not with a password. */
  public void flushAll() {
    try (Socket s = new Socket("127.0.0.1", port)) {
      s.setSoTimeout(10_000);
      s.getOutputStream().write("*1\r\n$8\r\nFLUSHALL\r\n".getBytes(StandardCharsets.US_ASCII));
      s.getOutputStream().flush();
      byte[] reply = new byte[5];
      int n = s.getInputStream().readNBytes(reply, 0, 5);
      String answer = new String(reply, 0, n, StandardCharsets.US_ASCII);
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

  public int port() {
    return port;
  }

  @Override
  public void close() {
    stop();
  }
}
