package io.jvcstreaming.analytics.testing;

import io.jvcstreaming.codec.PostCodec;
import io.jvcstreaming.codec.StreamProtocol;
import io.jvcstreaming.model.Post;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A scraper stand-in speaking docs/protocol.md: keeps a log of posts, answers {@code RESUME <seq>} with every
 * post after seq (minus {@link #overlap(int)} posts, to check that the reader skips what it already has), then
 * streams new posts live. Can inject raw lines, cut connections mid-line, and go away and come back on the
 * same port. Binds 127.0.0.1 on a free port.
 */
public final class TestStreamServer implements AutoCloseable {

  private final List<Post> log = new ArrayList<>();
  private final List<Connection> connections = new CopyOnWriteArrayList<>();
  private final List<Long> resumes = new CopyOnWriteArrayList<>();
  private volatile int overlap;
  private volatile ServerSocket server;
  private final int port;
  private volatile boolean closed;

  public TestStreamServer() throws IOException {
    ServerSocket s = bind(0);
    this.port = s.getLocalPort();
    start(s);
  }

  public int port() {
    return port;
  }

  public String address() {
    return "127.0.0.1:" + port;
  }

  /** Every RESUME seq received, in order. */
  public List<Long> resumes() {
    return List.copyOf(resumes);
  }

  public int connectionCount() {
    return connections.size();
  }

  /** On RESUME n, also resend the {@code posts} posts at or before n (a server with an imprecise bookmark). */
  public void overlap(int posts) {
    this.overlap = posts;
  }

  public void append(List<Post> posts) {
    synchronized (log) {
      log.addAll(posts);
      log.notifyAll();
    }
  }

  /** A raw line (no newline needed) sent to the connected clients, between posts. */
  public void injectRaw(byte[] line) {
    for (Connection c : connections) {
      c.raw.add(line);
    }
    synchronized (log) {
      log.notifyAll();
    }
  }

  /** Writes {@code partialTail} (no newline) to every client, then closes them. */
  public void dropClients(byte[] partialTail) {
    for (Connection c : connections) {
      c.dropWith(partialTail);
    }
    synchronized (log) {
      log.notifyAll();
    }
  }

  /** Stops listening and closes every client: the scraper is down. */
  public void goDown() throws IOException {
    ServerSocket s = server;
    server = null;
    if (s != null) {
      s.close();
    }
    dropClients(new byte[0]);
  }

  /** Listens again on the same port. */
  public void comeBack() throws IOException {
    start(bind(port));
  }

  @Override
  public void close() throws IOException {
    closed = true;
    goDown();
  }

  private static ServerSocket bind(int port) throws IOException {
    ServerSocket s = new ServerSocket();
    s.setReuseAddress(true);
    s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    return s;
  }

  private void start(ServerSocket s) {
    server = s;
    Thread t = new Thread(() -> {
      while (!s.isClosed()) {
        try {
          Socket socket = s.accept();
          Connection c = new Connection(socket);
          connections.add(c);
          Thread ct = new Thread(c::serve, "test-stream-client");
          ct.setDaemon(true);
          ct.start();
        } catch (IOException e) {
          return;
        }
      }
    }, "test-stream-accept-" + port);
    t.setDaemon(true);
    t.start();
  }

  private final class Connection {
    final Socket socket;
    final ConcurrentLinkedQueue<byte[]> raw = new ConcurrentLinkedQueue<>();
    volatile byte[] dropTail;

    Connection(Socket socket) {
      this.socket = socket;
    }

    void dropWith(byte[] tail) {
      dropTail = tail;
    }

    void serve() {
      try (Socket s = socket) {
        long after = handshake(s);
        int cursor = 0;
        synchronized (log) {
          while (cursor < log.size() && log.get(cursor).seq() <= after) {
            cursor++;
          }
          cursor = Math.max(0, cursor - overlap);
        }
        OutputStream out = s.getOutputStream();
        while (!closed) {
          byte[] tail = dropTail;
          if (tail != null) {
            out.write(tail);
            out.flush();
            return;
          }
          byte[] r;
          while ((r = raw.poll()) != null) {
            out.write(r);
            out.write('\n');
          }
          List<Post> batch;
          synchronized (log) {
            if (cursor >= log.size() && raw.isEmpty() && dropTail == null) {
              log.wait(50);
            }
            batch = new ArrayList<>(log.subList(cursor, log.size()));
            cursor = log.size();
          }
          for (Post p : batch) {
            out.write(PostCodec.encodeLine(p));
          }
          out.flush();
        }
      } catch (IOException | InterruptedException e) {
        // client gone
      } finally {
        connections.remove(this);
      }
    }

    private long handshake(Socket s) throws IOException {
      s.setSoTimeout(2_000);
      BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
      try {
        String line;
        while ((line = in.readLine()) != null) {
          if (StreamProtocol.parseAuth(line) != null) {
            continue;
          }
          OptionalLong resume = StreamProtocol.parseResume(line);
          if (resume.isPresent()) {
            resumes.add(resume.getAsLong());
            return resume.getAsLong();
          }
          if (line.strip().equals(StreamProtocol.LIVE)) {
            break;
          }
        }
      } catch (SocketTimeoutException e) {
        // no handshake: live only
      } finally {
        s.setSoTimeout(0);
      }
      synchronized (log) {
        return log.isEmpty() ? -1 : log.get(log.size() - 1).seq();
      }
    }
  }
}
