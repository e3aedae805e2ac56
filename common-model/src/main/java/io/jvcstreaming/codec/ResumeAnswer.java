package io.jvcstreaming.codec;

import java.util.Optional;

/**
 * The server's one answer to a {@code RESUME}: where the posts it sends next start ({@link #from}) and, when
 * that is not right after the client's position, why. Every kind but {@link Kind#OK} is logged loudly on
 * both sides (see docs/protocol.md).
 *
 * @param kind           what happened to the requested position
 * @param requested      the seq the client asked to resume after
 * @param requestedStream the stream id the client's position belongs to ("" for the manual {@code RESUME <seq>})
 * @param from           seq of the next post line the server sends on this connection
 * @param detail         the bound that explains the kind: oldest held (TOO_OLD), head (BEYOND_HEAD), -1 otherwise
 * @param stream         the server's stream id (STREAM_CHANGED), "" otherwise
 */
public record ResumeAnswer(Kind kind, long requested, String requestedStream, long from, long detail, String stream) {

  /** The answers a RESUME can get; the prefix is the line's level and code. */
  public enum Kind {
    /** Resumed right after the requested seq (or from the oldest held for -1). */
    OK("# OK resume"),
    /** Posts between the requested seq and the oldest held are gone; streaming from the oldest held. */
    TOO_OLD("# ERROR resume-too-old"),
    /** The log never produced the requested seq under this id (it lost its tail); streaming from head + 1. */
    BEYOND_HEAD("# ERROR resume-beyond-head"),
    /** The position belongs to another log; streaming from the oldest held. */
    STREAM_CHANGED("# ERROR stream-changed"),
    /** The RESUME came after the handshake window put the client live; honoured: lines sent before are void. */
    AFTER_LIVE("# WARN resume-after-live");

    final String prefix;

    Kind(String prefix) {
      this.prefix = prefix;
    }
  }

  public static ResumeAnswer ok(long requested, long from) {
    return new ResumeAnswer(Kind.OK, requested, "", from, -1, "");
  }

  public static ResumeAnswer tooOld(long requested, long oldest) {
    return new ResumeAnswer(Kind.TOO_OLD, requested, "", oldest, oldest, "");
  }

  public static ResumeAnswer beyondHead(long requested, long head) {
    return new ResumeAnswer(Kind.BEYOND_HEAD, requested, "", head + 1, head, "");
  }

  public static ResumeAnswer streamChanged(String requestedStream, String stream, long from) {
    return new ResumeAnswer(Kind.STREAM_CHANGED, -1, requestedStream, from, -1, stream);
  }

  public static ResumeAnswer afterLive(long requested, long from) {
    return new ResumeAnswer(Kind.AFTER_LIVE, requested, "", from, -1, "");
  }

  /** The answer as one line, {@code \n}-terminated. */
  public String line() {
    String body = switch (kind) {
      case OK -> " from=" + from;
      case TOO_OLD -> " requested=" + requested + " oldest=" + detail + " from=" + from;
      case BEYOND_HEAD -> " requested=" + requested + " head=" + detail + " from=" + from;
      case STREAM_CHANGED -> " requested=" + requestedStream + " stream=" + stream + " from=" + from;
      case AFTER_LIVE -> " requested=" + requested + " from=" + from;
    };
    return kind.prefix + body + "\n";
  }

  /** The answer in {@code line}, or empty when the line is not a resume answer. */
  public static Optional<ResumeAnswer> parse(String line) {
    Optional<ControlLine> parsed = ControlLine.parse(line);
    if (parsed.isEmpty()) {
      return Optional.empty();
    }
    ControlLine c = parsed.get();
    String prefix = "# " + c.level() + " " + c.code();
    for (Kind kind : Kind.values()) {
      if (kind.prefix.equals(prefix)) {
        long from = c.longField("from", Long.MIN_VALUE);
        if (from == Long.MIN_VALUE) {
          return Optional.empty();
        }
        return Optional.of(switch (kind) {
          case OK -> ok(c.longField("requested", -1), from);
          case TOO_OLD -> tooOld(c.longField("requested", -1), c.longField("oldest", from));
          case BEYOND_HEAD -> beyondHead(c.longField("requested", -1), c.longField("head", from - 1));
          case STREAM_CHANGED -> streamChanged(c.fields().getOrDefault("requested", ""),
              c.fields().getOrDefault("stream", ""), from);
          case AFTER_LIVE -> afterLive(c.longField("requested", -1), from);
        });
      }
    }
    return Optional.empty();
  }
}
