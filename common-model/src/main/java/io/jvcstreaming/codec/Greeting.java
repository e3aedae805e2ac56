package io.jvcstreaming.codec;

import java.util.Optional;

/**
 * The server's first line on every connection: which log this stream is and which seqs it holds, so a
 * client can tell a position in this log from a position in a log that was wiped or replaced.
 *
 * @param streamId the log's identity (16 hex chars); a new id means old positions mean nothing here
 * @param oldest   seq of the oldest post held, -1 when none
 * @param head     seq of the newest post held, -1 when none
 */
public record Greeting(String streamId, long oldest, long head) {

  public static final int VERSION = 2;

  public Greeting {
    if (!StreamProtocol.validStreamId(streamId)) {
      throw new IllegalArgumentException("bad stream id: " + streamId);
    }
  }

  /** {@code # HELLO v=2 stream=<id> oldest=<seq> head=<seq>\n} */
  public String line() {
    return "# HELLO v=" + VERSION + " stream=" + streamId + " oldest=" + oldest + " head=" + head + "\n";
  }

  /** The greeting in {@code line}, or empty when the line is not a well-formed greeting. */
  public static Optional<Greeting> parse(String line) {
    return ControlLine.parse(line)
        .filter(c -> c.level().equals("HELLO") && StreamProtocol.validStreamId(c.fields().get("stream")))
        .map(c -> new Greeting(c.fields().get("stream"), c.longField("oldest", -1), c.longField("head", -1)));
  }
}
