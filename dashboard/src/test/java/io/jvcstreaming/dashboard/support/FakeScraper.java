package io.jvcstreaming.dashboard.support;

import io.jvcstreaming.codec.PostCodec;
import io.jvcstreaming.model.Post;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The scraper's stream side, as plain blocking sockets: accepts clients, greets them, reads their handshake up to
 * {@code LIVE}, then writes whatever posts the test sends, encoded by the real codec.
 */
public final class FakeScraper implements AutoCloseable {

  private final ServerSocket server;
  private final List<OutputStream> clients = new CopyOnWriteArrayList<>();
  private final CountDownLatch firstClient = new CountDownLatch(1);
  private final List<String> handshakes = new CopyOnWriteArrayList<>();

  public FakeScraper() {
    try {
      server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Thread acceptor = new Thread(this::acceptLoop, "fake-scraper-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  public int port() {
    return server.getLocalPort();
  }

  public List<String> handshakes() {
    return handshakes;
  }

  public void awaitClient(long seconds) throws InterruptedException {
    if (!firstClient.await(seconds, TimeUnit.SECONDS)) {
      throw new AssertionError("the dashboard never connected to the fake scraper stream");
    }
  }

  public synchronized void send(Post post) {
    byte[] line = PostCodec.encodeLine(post);
    for (OutputStream out : clients) {
      try {
        out.write(line);
        out.flush();
      } catch (IOException e) {
        clients.remove(out);
      }
    }
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket s = server.accept();
        // the real server greets first (protocol v2): the dashboard must skip it, not count it as a bad post
        s.getOutputStream().write("# HELLO v=2 stream=0123456789abcdef oldest=-1 head=-1\n"
            .getBytes(StandardCharsets.UTF_8));
        s.getOutputStream().flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
          handshakes.add(line);
          if (line.equals("LIVE")) {
            break;
          }
        }
        clients.add(s.getOutputStream());
        firstClient.countDown();
      } catch (IOException e) {
        // closed
      }
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (OutputStream out : clients) {
      out.close();
    }
  }
}
