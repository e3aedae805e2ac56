package io.jvcstreaming.codec;

import java.util.OptionalLong;

/**
 * The words of the stream protocol besides post lines (see {@code docs/protocol.md}).
 *
 * <p>Client to server, optional, before anything else: {@code AUTH <token>} (required when the server has a
 * token), then {@code RESUME <seq>} to get every post after {@code seq} that the log still holds.
 * Server to client: post lines (JSON objects) and control lines starting with {@code #}, which readers
 * must not parse as posts, e.g. {@code # ERROR resume-too-old requested=12 oldest=500}.
 */
public final class StreamProtocol {

  public static final String AUTH = "AUTH";
  public static final String RESUME = "RESUME";
  /** Ends the handshake at once (a client with nothing to say need not wait for the handshake timeout). */
  public static final String LIVE = "LIVE";
  public static final String CONTROL_PREFIX = "#";
  public static final String ERROR_PREFIX = "# ERROR ";
  public static final String INFO_PREFIX = "# INFO ";

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

  public static String resumeLine(long seq) {
    return RESUME + " " + seq + "\n";
  }

  public static String authLine(String token) {
    return AUTH + " " + token + "\n";
  }

  /** The seq of a {@code RESUME <seq>} line, or empty if the line is not one (or the number is bad). */
  public static OptionalLong parseResume(String line) {
    String trimmed = line.strip();
    if (!trimmed.startsWith(RESUME + " ")) {
      return OptionalLong.empty();
    }
    try {
      long seq = Long.parseLong(trimmed.substring(RESUME.length() + 1).strip());
      return seq < -1 ? OptionalLong.empty() : OptionalLong.of(seq);
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  /** The token of an {@code AUTH <token>} line, or null if the line is not one. */
  public static String parseAuth(String line) {
    String trimmed = line.strip();
    return trimmed.startsWith(AUTH + " ") ? trimmed.substring(AUTH.length() + 1).strip() : null;
  }
}
