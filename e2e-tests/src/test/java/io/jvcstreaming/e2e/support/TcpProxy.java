package io.jvcstreaming.e2e.support;

import io.jvcstreaming.testkit.Await;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback TCP proxy put between the Spark receiver and the scraper. {@link #cutAll()} cuts every open
 * connection in the middle of the data: the next chunk from the scraper is forwarded only in part (so the client is
 * left with a line fragment without its {@code \n}), then both sides are closed.
 */
public final class TcpProxy implements AutoCloseable {

  private final int upstreamPort;
  private final ServerSocket server;
  private final List<Link> links = new CopyOnWriteArrayList<>();
  private final AtomicInteger accepted = new AtomicInteger();
  private final AtomicInteger cuts = new AtomicInteger();
  private final AtomicInteger cutMidChunk = new AtomicInteger();
  private volatile boolean closed;
  private volatile long clientDelayMillis;

  public TcpProxy(int upstreamPort) throws IOException {
    this.upstreamPort = upstreamPort;
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread t = new Thread(this::acceptLoop, "e2e-proxy-accept");
    t.setDaemon(true);
    t.start();
  }

  public int port() {
    return server.getLocalPort();
  }

  public String address() {
    return "127.0.0.1:" + port();
  }

  /** Connections accepted so far (the receiver's first one and each reconnect). */
  public int accepted() {
    return accepted.get();
  }

  /** Connections cut by {@link #cutAll()}. */
  public int cuts() {
    return cuts.get();
  }

  /** Cuts that forwarded half a chunk first (a line fragment left at the receiver). */
  public int cutsMidChunk() {
    return cutMidChunk.get();
  }

  public int open() {
    return (int) links.stream().filter(l -> !l.done).count();
  }

  private void acceptLoop() {
    while (!closed) {
      try {
        Socket client = server.accept();
        Socket upstream = new Socket();
        try {
          upstream.connect(new InetSocketAddress("127.0.0.1", upstreamPort), 2_000);
        } catch (IOException e) {
          client.close(); // the scraper is not there: the receiver sees a closed connection and retries
          continue;
        }
        accepted.incrementAndGet();
        Link link = new Link(client, upstream);
        links.add(link);
        link.start();
      } catch (IOException e) {
        if (!closed) {
          Await.sleep(50);
        }
      }
    }
  }

  /**
   * Holds every chunk the client sends for {@code millis} before forwarding it (from the next chunk on): with more
   * than the server's 500 ms handshake window, a client's {@code RESUME} reaches the server after it went live.
   */
  public void delayClientBytes(long millis) {
    clientDelayMillis = millis;
  }

  /** Cuts every open connection (mid-chunk when data is flowing, else after at most ~0.5 s of silence). */
  public void cutAll() {
    for (Link l : links) {
      if (!l.done) {
        l.cut = true;
      }
    }
  }

  private final class Link {
    final Socket client;
    final Socket upstream;
    volatile boolean cut;
    volatile boolean done;

    Link(Socket client, Socket upstream) {
      this.client = client;
      this.upstream = upstream;
    }

    void start() {
      Thread up = new Thread(() -> copyUp(), "e2e-proxy-up");
      Thread down = new Thread(() -> copyDown(), "e2e-proxy-down");
      up.setDaemon(true);
      down.setDaemon(true);
      up.start();
      down.start();
    }

    /** Receiver → scraper (the handshake). */
    private void copyUp() {
      try (InputStream in = client.getInputStream(); OutputStream out = upstream.getOutputStream()) {
        byte[] buf = new byte[8192];
        int n;
        while ((n = in.read(buf)) >= 0) {
          long delay = clientDelayMillis;
          if (delay > 0) {
            Await.sleep(delay); // the fault injected: the bytes are late, not lost
          }
          out.write(buf, 0, n);
          out.flush();
        }
      } catch (IOException e) {
        // closed
      } finally {
        close();
      }
    }

    /** Scraper → receiver, with the cut. */
    private void copyDown() {
      try {
        upstream.setSoTimeout(250);
        InputStream in = upstream.getInputStream();
        OutputStream out = client.getOutputStream();
        byte[] buf = new byte[16384];
        long cutAt = 0;
        while (true) {
          int n;
          try {
            n = in.read(buf);
          } catch (SocketTimeoutException idle) {
            if (cut) {
              if (cutAt == 0) {
                cutAt = System.nanoTime();
              } else if (System.nanoTime() - cutAt > 500_000_000L) {
                cuts.incrementAndGet();
                return; // nothing flowed for a while: plain cut
              }
            }
            continue;
          }
          if (n < 0) {
            return;
          }
          if (cut) {
            int half = Math.max(1, n / 2);
            if (buf[half - 1] == '\n' && half < n) {
              half++;
            }
            out.write(buf, 0, half);
            out.flush();
            cuts.incrementAndGet();
            cutMidChunk.incrementAndGet();
            return;
          }
          out.write(buf, 0, n);
          out.flush();
        }
      } catch (IOException e) {
        // closed
      } finally {
        close();
      }
    }

    private void close() {
      done = true;
      try {
        client.close();
      } catch (IOException ignored) {
        // closing
      }
      try {
        upstream.close();
      } catch (IOException ignored) {
        // closing
      }
    }
  }

  @Override
  public void close() throws IOException {
    closed = true;
    server.close();
    links.forEach(Link::close);
  }
}
