package io.jvcstreaming.codec;

import java.util.OptionalLong;

/**
 * The words of the stream protocol besides post lines (see {@code docs/protocol.md}).
 *
 * <p>Server to client, first: the {@link Greeting} ({@code # HELLO v=2 stream=<id> oldest=<seq> head=<seq>}).
 * Client to server, optional, before anything else: {@code AUTH <token>} (required when the server has a
 * token), then a {@link ResumeRequest} ({@code RESUME <stream-id> <seq>}) to get every post after {@code seq}
 * that the log still holds, answered by exactly one {@link ResumeAnswer} line. Server to client: post lines
 * (JSON objects) and control lines starting with {@code #}, which readers must not parse as posts, e.g.
 * {@code # ERROR resume-too-old requested=12 oldest=500 from=500}.
 */
public final class StreamProtocol {

  public static final String AUTH = "AUTH";
  public static final String RESUME = "RESUME";
  /** Ends the handshake at once (a client with nothing to say need not wait for the handshake timeout). */
  public static final String LIVE = "LIVE";
  public static final String CONTROL_PREFIX = "#";
  public static final String ERROR_PREFIX = "# ERROR ";
  public static final String INFO_PREFIX = "# INFO ";
  public static final String WARN_PREFIX = "# WARN ";
  public static final String OK_PREFIX = "# OK ";

  /** Client lines are short; anything longer during the handshake is refused. */
  public static final int MAX_HANDSHAKE_LINE = 512;

  private StreamProtocol() {
  }

  /** A control line (first byte {@code #}) rather than a post. */
  public static boolean isControl(byte[] buf, int length) {
    return length > 0 && buf[0] == '#';
  }

  public static boolean isControl(String line) {
    return line.startsWith(CONTROL_PREFIX);
  }

  /** The manual form {@code RESUME <seq>} (a position in whatever stream the server serves). */
  public static String resumeLine(long seq) {
    return new ResumeRequest("", seq).line();
  }

  /** {@code RESUME <stream-id> <seq>}: what a reader that keeps its position sends. */
  public static String resumeLine(String streamId, long seq) {
    return new ResumeRequest(streamId, seq).line();
  }

  /** A stream id is 16 lowercase hex chars (64 random bits). */
  public static boolean validStreamId(String id) {
    if (id == null || id.length() != 16) {
      return false;
    }
    for (int i = 0; i < 16; i++) {
      char c = id.charAt(i);
      if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
        return false;
      }
    }
    return true;
  }

  public static String authLine(String token) {
    return AUTH + " " + token + "\n";
  }

  /** The seq of a {@code RESUME [<stream-id>] <seq>} line, or empty if the line is not one (or the number is bad). */
  public static OptionalLong parseResume(String line) {
    return ResumeRequest.parse(line).map(r -> OptionalLong.of(r.seq())).orElse(OptionalLong.empty());
  }

  /** The token of an {@code AUTH <token>} line, or null if the line is not one. */
  public static String parseAuth(String line) {
    String trimmed = line.strip();
    return trimmed.startsWith(AUTH + " ") ? trimmed.substring(AUTH.length() + 1).strip() : null;
  }
}
