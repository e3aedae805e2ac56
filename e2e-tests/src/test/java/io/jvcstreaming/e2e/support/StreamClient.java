package io.jvcstreaming.e2e.support;

import io.jvcstreaming.codec.BoundedLineReader;
import io.jvcstreaming.codec.MalformedLineException;
import io.jvcstreaming.codec.PostCodec;
import io.jvcstreaming.codec.StreamProtocol;
import io.jvcstreaming.model.Post;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The test's own stream client, straight to the scraper: {@code RESUME -1} first, then on every disconnect it
 * reconnects with {@code RESUME <last seq received>} (like a careful receiver), and records every post line as it
 * came, with its arrival time, so duplicates and gaps stay visible (it never filters anything).
 */
public final class StreamClient implements AutoCloseable {

  private final String host = "127.0.0.1";
  private final int port;
  private final List<Post> posts = new CopyOnWriteArrayList<>();
  private final List<Long> arrivals = new CopyOnWriteArrayList<>();
  private final List<String> controls = new CopyOnWriteArrayList<>();
  private final List<String> malformed = new CopyOnWriteArrayList<>();
  private final Thread thread;
  private volatile boolean closed;
  private volatile Socket socket;
  private volatile int connections;

  public StreamClient(int port) {
    this.port = port;
    thread = new Thread(this::run, "e2e-stream-client-" + port);
    thread.setDaemon(true);
    thread.start();
  }

  private void run() {
    while (!closed) {
      try (Socket s = new Socket()) {
        socket = s;
        s.connect(new InetSocketAddress(host, port), 2_000);
        long resume = posts.isEmpty() ? -1 : posts.get(posts.size() - 1).seq();
        OutputStream out = s.getOutputStream();
        out.write(StreamProtocol.resumeLine(resume).getBytes(StandardCharsets.UTF_8));
        out.flush();
        connections++;
        BoundedLineReader lines = new BoundedLineReader(s.getInputStream(), PostCodec.MAX_LINE_BYTES);
        BoundedLineReader.Kind kind;
        while ((kind = lines.next()) != BoundedLineReader.Kind.END) {
          if (kind == BoundedLineReader.Kind.TOO_LONG) {
            malformed.add("line over the limit: " + lines.discardedBytes() + " bytes");
            continue;
          }
          long now = System.currentTimeMillis();
          if (lines.length() > 0 && lines.buffer()[0] == '#') {
            controls.add(lines.lineAsString());
            continue;
          }
          try {
            Post p = PostCodec.decode(lines.buffer(), 0, lines.length());
            arrivals.add(now);
            posts.add(p);
          } catch (MalformedLineException e) {
            malformed.add(e.getMessage());
          }
        }
      } catch (IOException e) {
        // refused or cut: retried below
      } finally {
        socket = null;
      }
      if (!closed) {
        Await.sleep(200);
      }
    }
  }

  /** Every post received, in arrival order. */
  public List<Post> posts() {
    return new ArrayList<>(posts);
  }

  /** Arrival time (epoch ms) of each post of {@link #posts()}, same index. */
  public List<Long> arrivals() {
    return new ArrayList<>(arrivals);
  }

  public List<String> controls() {
    return new ArrayList<>(controls);
  }

  public List<String> malformed() {
    return new ArrayList<>(malformed);
  }

  public int connections() {
    return connections;
  }

  public int size() {
    return posts.size();
  }

  @Override
  public void close() {
    closed = true;
    Socket s = socket;
    if (s != null) {
      try {
        s.close();
      } catch (IOException ignored) {
        // closing
      }
    }
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
