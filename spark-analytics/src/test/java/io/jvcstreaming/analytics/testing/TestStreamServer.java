package io.jvcstreaming.analytics.testing;

import io.jvcstreaming.codec.Greeting;
import io.jvcstreaming.codec.PostCodec;
import io.jvcstreaming.codec.ResumeAnswer;
import io.jvcstreaming.codec.ResumeRequest;
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
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A scraper stand-in speaking protocol v2 (docs/protocol-v2-contract.md): greets every client with
 * {@code # HELLO v=2 stream=<id> oldest=<seq> head=<seq>}, takes {@code AUTH}, {@code RESUME [<id>] <seq>} and
 * {@code LIVE} within the handshake window, answers every RESUME with exactly one line, then streams posts
 * strictly from the answer's {@code from=}. A client that says nothing is put live at the tip when the window
 * ends; a RESUME that comes later is honoured with {@code # WARN resume-after-live} (or, when its position is
 * also wrong, that error). Like the scraper (docs/protocol.md), any other line, or a second RESUME, gets
 * {@code # ERROR bad-handshake ...} and the connection is closed.
 *
 * <p>The log assigns seqs itself ({@link #append} renumbers posts from the next seq), so tests can change what
 * a real store would: {@link #wipe()} (a new stream id, seqs from 0 again), {@link #truncateAfter(long)} (the
 * store lost its tail), {@link #skipSeqs(int)} (a hole in the seqs), {@link #delayClientLines(Duration)} (a
 * client's lines reach the server late, as through a slow proxy). It can also inject raw lines, cut connections
 * mid-line, and go away and come back on the same port. Binds 127.0.0.1 on a free port.
 */
public final class TestStreamServer implements AutoCloseable {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final List<Post> log = new ArrayList<>(); // guarded by itself, seq ascending
  private long nextSeq; // guarded by log
  private final List<Connection> connections = new CopyOnWriteArrayList<>();
  private final List<ResumeRequest> resumes = new CopyOnWriteArrayList<>();
  private final List<String> answers = new CopyOnWriteArrayList<>();
  private volatile String streamId = newStreamId();
  private volatile int overlap;
  private volatile long windowMillis = 500;
  private volatile long clientDelayMillis;
  private volatile String token;
  private volatile boolean greets = true;
  private volatile ServerSocket server;
  private final int port;
  private volatile boolean closed;
  private final java.util.concurrent.atomic.AtomicInteger putLiveByWindow = new java.util.concurrent.atomic.AtomicInteger();

  public TestStreamServer() throws IOException {
    ServerSocket s = bind(0);
    this.port = s.getLocalPort();
    start(s);
  }

  public static String newStreamId() {
    byte[] b = new byte[8];
    RANDOM.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  public int port() {
    return port;
  }

  public String address() {
    return "127.0.0.1:" + port;
  }

  public String streamId() {
    return streamId;
  }

  /** Serves the log under another stream id from the next connection on (the log itself is kept). */
  public void streamId(String id) {
    if (!StreamProtocol.validStreamId(id)) {
      throw new IllegalArgumentException(id);
    }
    streamId = id;
  }

  /**
   * The store was wiped and the scraper restarted on it: a new stream id, an empty log, seqs from 0 again, every
   * client dropped (the port stays open: a closed ephemeral port can be taken by another socket meanwhile).
   * Returns the new id.
   */
  public String wipe() {
    dropClients(new byte[0]);
    synchronized (log) {
      log.clear();
      nextSeq = 0;
      streamId = newStreamId();
      return streamId;
    }
  }

  /**
   * The store lost its tail and the scraper restarted on it: every post after {@code seq} is gone, the next post
   * appended gets seq + 1, every client is dropped.
   */
  public void truncateAfter(long seq) {
    dropClients(new byte[0]);
    synchronized (log) {
      log.removeIf(p -> p.seq() > seq);
      nextSeq = seq + 1;
    }
  }

  /** A hole: the next {@code n} seqs are never used. */
  public void skipSeqs(int n) {
    synchronized (log) {
      nextSeq += n;
    }
  }

  /** Every RESUME received, in order. */
  public List<ResumeRequest> resumes() {
    return List.copyOf(resumes);
  }

  /** The seqs of {@link #resumes()}. */
  public List<Long> resumeSeqs() {
    return resumes.stream().map(ResumeRequest::seq).toList();
  }

  /** Every answer line sent to a RESUME, in order, without the newline. */
  public List<String> answers() {
    return List.copyOf(answers);
  }

  /** How many connections the handshake window put live at the tip (no RESUME or LIVE in time). */
  public int putLiveByWindow() {
    return putLiveByWindow.get();
  }

  public int connectionCount() {
    return connections.size();
  }

  /** On RESUME n, answer {@code from=} that many posts earlier (a server with an imprecise bookmark). */
  public void overlap(int posts) {
    this.overlap = posts;
  }

  /** The handshake window (500 ms by default). */
  public void handshakeWindow(Duration window) {
    this.windowMillis = window.toMillis();
  }

  /** Client lines are acted on this long after they arrive (0 by default). */
  public void delayClientLines(Duration delay) {
    this.clientDelayMillis = delay.toMillis();
  }

  /** Whether new connections get the {@code # HELLO} line (false: behave like a v1 server, which never greets). */
  public void greets(boolean greets) {
    this.greets = greets;
  }

  /** Require {@code AUTH <token>} (null: no token). */
  public void requireToken(String token) {
    this.token = token;
  }

  /** Appends the posts under the next seqs (their own seqs are ignored); returns them as logged. */
  public List<Post> append(List<Post> posts) {
    List<Post> logged = new ArrayList<>(posts.size());
    synchronized (log) {
      for (Post p : posts) {
        logged.add(p.withSeq(nextSeq++));
      }
      log.addAll(logged);
      log.notifyAll();
    }
    return logged;
  }

  /** A raw line (no newline needed) sent to the connected clients, between posts. */
  public void injectRaw(byte[] line) {
    for (Connection c : connections) {
      c.raw.add(line);
    }
    wake();
  }

  /** Writes {@code partialTail} (no newline) to every client, then closes them. */
  public void dropClients(byte[] partialTail) {
    for (Connection c : connections) {
      c.dropTail = partialTail;
    }
    wake();
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

  private void wake() {
    synchronized (log) {
      log.notifyAll();
    }
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

  /** What the server answers to {@code r} now, per the contract. Caller holds the log lock. */
  private ResumeAnswer answer(ResumeRequest r) {
    long oldest = log.isEmpty() ? -1 : log.get(0).seq();
    long head = log.isEmpty() ? -1 : log.get(log.size() - 1).seq();
    long firstHeld = log.isEmpty() ? nextSeq : oldest;
    if (!r.manual() && !r.streamId().equals(streamId)) {
      return ResumeAnswer.streamChanged(r.streamId(), streamId, firstHeld);
    }
    if (r.seq() == -1) {
      return ResumeAnswer.ok(-1, firstHeld);
    }
    if (r.seq() > head) {
      return ResumeAnswer.beyondHead(r.seq(), head);
    }
    if (r.seq() + 1 < oldest) {
      return ResumeAnswer.tooOld(r.seq(), oldest);
    }
    return ResumeAnswer.ok(r.seq(), Math.max(firstHeld, r.seq() + 1 - overlap));
  }

  /** Index of the first post with seq >= {@code seq}. Caller holds the log lock. */
  private int indexOf(long seq) {
    int lo = 0;
    int hi = log.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (log.get(mid).seq() < seq) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private record ClientLine(String text, long dueNanos) {
  }

  private final class Connection {
    final Socket socket;
    final ConcurrentLinkedQueue<byte[]> raw = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<ClientLine> fromClient = new ConcurrentLinkedQueue<>();
    volatile byte[] dropTail;
    volatile boolean clientDone;

    Connection(Socket socket) {
      this.socket = socket;
    }

    void serve() {
      try (Socket s = socket) {
        Thread reader = new Thread(() -> readClient(s), "test-stream-client-reader");
        reader.setDaemon(true);
        reader.start();
        OutputStream out = s.getOutputStream();
        synchronized (log) {
          long oldest = log.isEmpty() ? -1 : log.get(0).seq();
          long head = log.isEmpty() ? -1 : log.get(log.size() - 1).seq();
          if (greets) {
            out.write(new Greeting(streamId, oldest, head).line().getBytes(StandardCharsets.UTF_8));
          }
        }
        out.flush();
        long windowEnd = System.nanoTime() + windowMillis * 1_000_000L;
        boolean authed = token == null;
        boolean sending = false;
        boolean resumed = false;
        long cursor = 0; // next seq to send
        while (!closed) {
          byte[] tail = dropTail;
          if (tail != null) {
            out.write(tail);
            out.flush();
            return;
          }
          ClientLine line;
          while ((line = fromClient.peek()) != null && System.nanoTime() - line.dueNanos() >= 0) {
            fromClient.poll();
            String text = line.text();
            if (text.length() > StreamProtocol.MAX_HANDSHAKE_LINE) {
              out.write("# ERROR bad-handshake line too long\n".getBytes(StandardCharsets.UTF_8));
              return;
            }
            String auth = StreamProtocol.parseAuth(text);
            if (auth != null) {
              if (token != null && !token.equals(auth)) {
                out.write("# ERROR auth-failed\n".getBytes(StandardCharsets.UTF_8));
                return;
              }
              authed = true;
              continue;
            }
            if (!authed) {
              out.write("# ERROR auth-failed\n".getBytes(StandardCharsets.UTF_8));
              return;
            }
            Optional<ResumeRequest> resume = ResumeRequest.parse(text);
            if (resume.isPresent()) {
              if (resumed) {
                out.write("# ERROR bad-handshake one RESUME per connection\n".getBytes(StandardCharsets.UTF_8));
                return;
              }
              resumed = true;
              resumes.add(resume.get());
              ResumeAnswer a;
              synchronized (log) {
                a = answer(resume.get());
              }
              if (sending && a.kind() == ResumeAnswer.Kind.OK) {
                // a late RESUME with a wrong position gets that error instead, which says more (docs/protocol.md)
                a = ResumeAnswer.afterLive(resume.get().seq(), a.from());
              }
              answers.add(a.line().strip());
              out.write(a.line().getBytes(StandardCharsets.UTF_8));
              cursor = a.from();
              sending = true;
            } else if (text.isBlank() || text.strip().equals(StreamProtocol.LIVE)) {
              synchronized (log) {
                cursor = nextSeq;
              }
              sending = true;
            } else {
              out.write(("# ERROR bad-handshake expected AUTH <token>, RESUME <stream-id> <seq>, RESUME <seq> or LIVE\n")
                  .getBytes(StandardCharsets.UTF_8));
              return;
            }
          }
          if (!sending && System.nanoTime() - windowEnd >= 0) {
            if (!authed) {
              out.write("# ERROR auth-failed\n".getBytes(StandardCharsets.UTF_8));
              return;
            }
            synchronized (log) {
              cursor = nextSeq; // live at the tip
            }
            sending = true;
            putLiveByWindow.incrementAndGet();
          }
          List<Post> batch = List.of();
          if (sending) {
            byte[] r;
            while ((r = raw.poll()) != null) {
              out.write(r);
              out.write('\n');
            }
          }
          synchronized (log) {
            if (sending && dropTail == null) { // a dropped client gets nothing appended after the drop
              int from = indexOf(cursor);
              if (from < log.size()) {
                batch = new ArrayList<>(log.subList(from, log.size()));
                cursor = log.get(log.size() - 1).seq() + 1;
              }
            }
            if (batch.isEmpty() && raw.isEmpty() && dropTail == null) {
              log.wait(sending && fromClient.isEmpty() ? 50 : 10);
            }
          }
          for (Post p : batch) {
            out.write(PostCodec.encodeLine(p));
          }
          out.flush();
          if (clientDone && !sending) {
            return;
          }
        }
      } catch (IOException | InterruptedException e) {
        // client gone
      } finally {
        connections.remove(this);
      }
    }

    private void readClient(Socket s) {
      try {
        BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
          fromClient.add(new ClientLine(line, System.nanoTime() + clientDelayMillis * 1_000_000L));
          wake();
        }
      } catch (IOException e) {
        // connection closed
      } finally {
        clientDone = true;
      }
    }
  }
}
