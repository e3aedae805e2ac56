package io.jvcstreaming.e2e.support;

import io.jvcstreaming.codec.BoundedLineReader;
import io.jvcstreaming.codec.Greeting;
import io.jvcstreaming.codec.MalformedLineException;
import io.jvcstreaming.codec.PostCodec;
import io.jvcstreaming.codec.ResumeAnswer;
import io.jvcstreaming.codec.StreamProtocol;
import io.jvcstreaming.model.Post;
import io.jvcstreaming.testkit.Await;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The test's own stream client, straight to the scraper, speaking protocol v2 (docs/protocol-v2-contract.md) like a
 * careful receiver: reads the {@code # HELLO} greeting, sends {@code AUTH} when it has a token, then
 * {@code RESUME <stream id> <last seq received>} ({@code <greeted id> -1} at first), and follows the answer
 * ({@code stream-changed} starts a new segment on the new stream). It records every post line after the answer as it
 * came, with its arrival time, per stream id, so duplicates and gaps stay visible (it never filters posts). Answers
 * that mean posts were lost ({@code resume-too-old}, {@code resume-beyond-head}) are kept in {@link #problems()}.
 *
 * <p>A server that does not greet within {@link #GREETING_WAIT_MILLIS} (protocol v1, before the v2 server lands)
 * gets the v1 {@code RESUME <seq>}; a greeting arriving after that closes the connection, and the next one speaks v2.
 */
public final class StreamClient implements AutoCloseable {

  /** Below the server's 500 ms handshake window, so the v1 fallback still resumes in time. */
  static final long GREETING_WAIT_MILLIS = 400;

  /** The posts received on one stream id, in arrival order. */
  public record Segment(String streamId, List<Post> posts) {
  }

  private final String host = "127.0.0.1";
  private final int port;
  private final List<Post> posts = new CopyOnWriteArrayList<>();
  private final List<String> postStreams = new CopyOnWriteArrayList<>();
  private final List<Long> arrivals = new CopyOnWriteArrayList<>();
  private final List<String> controls = new CopyOnWriteArrayList<>();
  private final List<Greeting> greetings = new CopyOnWriteArrayList<>();
  private final List<ResumeAnswer> answers = new CopyOnWriteArrayList<>();
  private final List<String> problems = new CopyOnWriteArrayList<>();
  private final List<String> malformed = new CopyOnWriteArrayList<>();
  private final Thread thread;
  private volatile boolean closed;
  private volatile Socket socket;
  private volatile int connections;
  private volatile int discardedBeforeAnswer;
  private volatile String token;
  /** The stream the last recorded post belongs to ("" before any post or with a v1 server). */
  private volatile String position = "";

  public StreamClient(int port) {
    this(port, null);
  }

  public StreamClient(int port, String token) {
    this.port = port;
    this.token = token;
    thread = new Thread(this::run, "e2e-stream-client-" + port);
    thread.setDaemon(true);
    thread.start();
  }

  /** The token sent as {@code AUTH} from the next connection on (a rotated token: the scraper restarted with it). */
  public void setToken(String token) {
    this.token = token;
  }

  private void run() {
    while (!closed) {
      try (Socket s = new Socket()) {
        socket = s;
        s.connect(new InetSocketAddress(host, port), 2_000);
        session(s);
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

  private void session(Socket s) throws IOException {
    InputStream in = s.getInputStream();
    OutputStream out = s.getOutputStream();
    long last = posts.isEmpty() ? -1 : posts.get(posts.size() - 1).seq();
    s.setSoTimeout((int) GREETING_WAIT_MILLIS);
    String first = readFirstLine(in);
    s.setSoTimeout(0);
    Optional<Greeting> greeting = first == null ? Optional.empty() : Greeting.parse(first);
    boolean v2 = greeting.isPresent();
    StringBuilder handshake = new StringBuilder();
    if (token != null) {
      handshake.append(StreamProtocol.authLine(token));
    }
    if (v2) {
      greetings.add(greeting.get());
      String stream = position.isEmpty() || last < 0 ? greeting.get().streamId() : position;
      handshake.append(StreamProtocol.resumeLine(stream, position.isEmpty() ? -1 : last));
    } else {
      handshake.append(StreamProtocol.resumeLine(last));
    }
    out.write(handshake.toString().getBytes(StandardCharsets.UTF_8));
    out.flush();
    connections++;
    String stream = v2 ? position : "";
    boolean answered = !v2;
    long expected = -1;
    BoundedLineReader lines = new BoundedLineReader(in, PostCodec.MAX_LINE_BYTES);
    if (first != null && !v2) {
      if (first.startsWith("#")) {
        controls.add(first);
      } else {
        problems.add("a first line that is neither a greeting nor a control line: " + first);
      }
    }
    BoundedLineReader.Kind kind;
    while (!closed && (kind = lines.next()) != BoundedLineReader.Kind.END) {
      if (kind == BoundedLineReader.Kind.TOO_LONG) {
        malformed.add("line over the limit: " + lines.discardedBytes() + " bytes");
        continue;
      }
      long now = System.currentTimeMillis();
      if (lines.length() > 0 && lines.buffer()[0] == '#') {
        String line = lines.lineAsString();
        controls.add(line);
        if (Greeting.parse(line).isPresent()) {
          return; // a v2 server that greeted late: reconnect and speak v2
        }
        Optional<ResumeAnswer> answer = ResumeAnswer.parse(line);
        if (answer.isPresent() && v2) {
          ResumeAnswer a = answer.get();
          answers.add(a);
          answered = true;
          expected = a.from();
          switch (a.kind()) {
            case STREAM_CHANGED -> stream = a.stream();
            case OK, AFTER_LIVE -> stream = stream.isEmpty() ? greeting.get().streamId() : stream;
            case TOO_OLD, BEYOND_HEAD -> {
              problems.add("connection " + connections + ": " + line.strip() + " (after seq " + last + ")");
              stream = stream.isEmpty() ? greeting.get().streamId() : stream;
            }
            default -> throw new IllegalStateException(a.kind().toString());
          }
          if (last >= 0 && (a.kind() == ResumeAnswer.Kind.OK || a.kind() == ResumeAnswer.Kind.AFTER_LIVE)
              && expected != last + 1) {
            problems.add("connection " + connections + ": " + line.strip() + " does not resume right after seq " + last);
          }
        }
        continue;
      }
      if (!answered) {
        discardedBeforeAnswer++; // the contract: lines before the answer are void
        continue;
      }
      try {
        Post p = PostCodec.decode(lines.buffer(), 0, lines.length());
        if (v2 && expected >= 0 && p.seq() != expected) {
          problems.add("connection " + connections + ": post seq " + p.seq() + " where " + expected + " was due");
        }
        expected = p.seq() + 1;
        arrivals.add(now);
        postStreams.add(stream);
        posts.add(p);
        position = stream;
        last = p.seq();
      } catch (MalformedLineException e) {
        malformed.add(e.getMessage());
      }
    }
  }

  /** The first line, or null when the server says nothing for {@link #GREETING_WAIT_MILLIS} (a v1 server). */
  private static String readFirstLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    try {
      int b;
      while ((b = in.read()) >= 0 && b != '\n') {
        line.write(b);
        if (line.size() > StreamProtocol.MAX_HANDSHAKE_LINE) {
          break;
        }
      }
      if (b < 0 && line.size() == 0) {
        throw new IOException("closed before the first line");
      }
    } catch (SocketTimeoutException silent) {
      if (line.size() == 0) {
        return null;
      }
      throw new IOException("first line cut: " + line);
    }
    return line.toString(StandardCharsets.UTF_8);
  }

  /** Every post received, in arrival order (over every stream id). */
  public List<Post> posts() {
    return new ArrayList<>(posts);
  }

  /** The posts per stream id, in the order the streams were met. */
  public List<Segment> segments() {
    List<Post> all = posts();
    List<String> streams = new ArrayList<>(postStreams);
    Map<String, List<Post>> by = new LinkedHashMap<>();
    for (int i = 0; i < Math.min(all.size(), streams.size()); i++) {
      by.computeIfAbsent(streams.get(i), k -> new ArrayList<>()).add(all.get(i));
    }
    List<Segment> out = new ArrayList<>();
    by.forEach((id, list) -> out.add(new Segment(id, list)));
    return out;
  }

  /**
   * The posts a counting receiver counts: every post once, at its first arrival (a new stream re-streams posts
   * already counted; the Spark receiver drops those by its per-topic high-water mark).
   */
  public List<Post> countedPosts() {
    Set<Long> seen = new HashSet<>();
    List<Post> out = new ArrayList<>();
    for (Post p : posts) {
      if (seen.add(p.id())) {
        out.add(p);
      }
    }
    return out;
  }

  /** Arrival time (epoch ms) of each post of {@link #posts()}, same index. */
  public List<Long> arrivals() {
    return new ArrayList<>(arrivals);
  }

  public List<String> controls() {
    return new ArrayList<>(controls);
  }

  public List<Greeting> greetings() {
    return new ArrayList<>(greetings);
  }

  public List<ResumeAnswer> answers() {
    return new ArrayList<>(answers);
  }

  /** Answers and seqs that mean posts were lost or re-sent on this client's position. */
  public List<String> problems() {
    return new ArrayList<>(problems);
  }

  public int discardedBeforeAnswer() {
    return discardedBeforeAnswer;
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

  /** The stream id the last post came from ("" with a v1 server or before any post). */
  public String position() {
    return position;
  }

  /** Closes the current connection (the client reconnects and resumes, as after a cut). */
  public void reconnect() {
    Socket s = socket;
    if (s != null) {
      try {
        s.close();
      } catch (IOException ignored) {
        // closing
      }
    }
  }

  @Override
  public void close() {
    closed = true;
    reconnect();
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Opens a connection, reads the greeting (bounded, 10 s) and closes: the stream id the server serves now.
   * Fails when the server does not greet (protocol v1).
   */
  public static Greeting probe(int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
      s.setSoTimeout(10_000);
      String first = readFirstLine(s.getInputStream());
      return Greeting.parse(first == null ? "" : first).orElseThrow(() -> new AssertionError(
          "the stream server on port " + port + " did not greet with '# HELLO v=2 stream=...'; first line: " + first));
    } catch (IOException e) {
      throw new AssertionError("cannot read the greeting of the stream server on port " + port + ": " + e, e);
    }
  }
}
