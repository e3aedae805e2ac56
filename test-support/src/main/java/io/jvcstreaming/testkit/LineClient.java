package io.jvcstreaming.testkit;

import io.jvcstreaming.codec.BoundedLineReader;
import io.jvcstreaming.codec.MalformedLineException;
import io.jvcstreaming.codec.PostCodec;
import io.jvcstreaming.model.Post;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A plain-socket NDJSON stream client for tests: sends the handshake lines it is given, then collects posts, control
 * lines ({@code #...}) and malformed lines as they come, without any protocol logic of its own (for that, the e2e
 * tier's careful receiver). Wait on its lists with {@link Await}.
 */
public final class LineClient implements AutoCloseable {

  private final Socket socket;
  private final List<Post> posts = new CopyOnWriteArrayList<>();
  private final List<String> controls = new CopyOnWriteArrayList<>();
  private final List<String> malformed = new CopyOnWriteArrayList<>();
  /** For each control line, how many posts had arrived before it (to tell posts before an answer from after). */
  private final List<Integer> controlAt = new CopyOnWriteArrayList<>();
  private final Thread reader;
  private volatile boolean ended;

  public LineClient(int port, String... handshake) throws IOException {
    socket = new Socket("127.0.0.1", port);
    OutputStream out = socket.getOutputStream();
    for (String line : handshake) {
      out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    }
    out.flush();
    reader = new Thread(this::read, "line-client-" + port);
    reader.setDaemon(true);
    reader.start();
  }

  private void read() {
    try {
      BoundedLineReader lines = new BoundedLineReader(socket.getInputStream(), PostCodec.MAX_LINE_BYTES);
      while (lines.next() == BoundedLineReader.Kind.LINE) {
        if (lines.length() > 0 && lines.buffer()[0] == '#') {
          controlAt.add(posts.size());
          controls.add(lines.lineAsString());
          continue;
        }
        try {
          posts.add(PostCodec.decode(lines.buffer(), 0, lines.length()));
        } catch (MalformedLineException e) {
          malformed.add(e.getMessage());
        }
      }
    } catch (IOException e) {
      // closed
    } finally {
      ended = true;
    }
  }

  public List<Post> posts() {
    return new ArrayList<>(posts);
  }

  public List<String> controls() {
    return new ArrayList<>(controls);
  }

  /** The control lines after the server's greeting (which always comes first). */
  public List<String> controlsAfterGreeting() {
    List<String> all = controls();
    if (all.isEmpty() || !all.get(0).startsWith("# HELLO ")) {
      throw new AssertionError("the first control line is not a greeting: " + all);
    }
    return all.subList(1, all.size());
  }

  /** The posts that arrived after the {@code n}-th control line (0 = the greeting). */
  public List<Post> postsAfterControl(int n) {
    List<Post> all = posts();
    return all.subList(controlAt.get(n), all.size());
  }

  /** Sends one more line (e.g. a RESUME after the handshake window). */
  public void send(String line) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  public List<String> malformed() {
    return new ArrayList<>(malformed);
  }

  public boolean ended() {
    return ended;
  }

  public long lastSeq() {
    return posts.isEmpty() ? -1 : posts.get(posts.size() - 1).seq();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
