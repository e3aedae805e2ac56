package io.jvcstreaming.analytics.testing;

import io.jvcstreaming.codec.StreamProtocol;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy in front of a stream server that records the AUTH tokens clients send: shows where a receiver
 * connects and with which token, whatever the server behind it speaks. Binds 127.0.0.1 on a free port.
 */
public final class RecordingProxy implements AutoCloseable {

  /** Only the handshake is looked at: the first bytes a client sends. */
  private static final int HANDSHAKE_BYTES = 4_096;
  private final ServerSocket server;
  private final int targetPort;
  private final List<String> tokens = new CopyOnWriteArrayList<>();
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();

  public RecordingProxy(int targetPort) throws IOException {
    this.targetPort = targetPort;
    server = new ServerSocket();
    server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    Thread t = new Thread(this::accept, "recording-proxy-" + server.getLocalPort());
    t.setDaemon(true);
    t.start();
  }

  public String address() {
    return "127.0.0.1:" + server.getLocalPort();
  }

  /** The token of every AUTH line clients sent, in order. */
  public List<String> tokens() {
    return List.copyOf(tokens);
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
        sockets.add(client);
        sockets.add(upstream);
        pump(client.getInputStream(), upstream.getOutputStream(), true, client, upstream);
        pump(upstream.getInputStream(), client.getOutputStream(), false, client, upstream);
      } catch (IOException e) {
        return;
      }
    }
  }

  private void pump(InputStream in, OutputStream out, boolean fromClient, Socket a, Socket b) {
    Thread t = new Thread(() -> {
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      long seen = 0;
      byte[] buf = new byte[8_192];
      try {
        int n;
        while ((n = in.read(buf)) >= 0) {
          out.write(buf, 0, n);
          out.flush();
          for (int i = 0; fromClient && i < n && seen < HANDSHAKE_BYTES; i++, seen++) {
            if (buf[i] == '\n') {
              String token = StreamProtocol.parseAuth(line.toString(StandardCharsets.UTF_8));
              if (token != null) {
                tokens.add(token);
              }
              line.reset();
            } else {
              line.write(buf[i]);
            }
          }
        }
      } catch (IOException e) {
        // one side went away
      } finally {
        closeQuietly(a);
        closeQuietly(b);
      }
    }, "recording-proxy-pump");
    t.setDaemon(true);
    t.start();
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException ignored) {
      // closing both sides
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket s : sockets) {
      closeQuietly(s);
    }
  }
}
