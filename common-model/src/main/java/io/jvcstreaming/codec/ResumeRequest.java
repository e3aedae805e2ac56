package io.jvcstreaming.codec;

import java.util.Optional;

/**
 * A client's {@code RESUME}: {@code RESUME <stream-id> <seq>} (what receivers send: a position is only
 * meaningful with the identity of the log it points into) or the manual {@code RESUME <seq>}, taken as a
 * position in the current stream.
 *
 * @param streamId the stream the position belongs to, "" for the manual form
 * @param seq      the last seq the client stored; -1 for "nothing yet"
 */
public record ResumeRequest(String streamId, long seq) {

  public ResumeRequest {
    if (!streamId.isEmpty() && !StreamProtocol.validStreamId(streamId)) {
      throw new IllegalArgumentException("bad stream id: " + streamId);
    }
    if (seq < -1) {
      throw new IllegalArgumentException("seq must be >= -1, got " + seq);
    }
  }

  /** True for the manual form, which carries no stream id. */
  public boolean manual() {
    return streamId.isEmpty();
  }

  public String line() {
    return StreamProtocol.RESUME + (manual() ? "" : " " + streamId) + " " + seq + "\n";
  }

  /** The request in {@code line}, or empty when it is not a well-formed RESUME. */
  public static Optional<ResumeRequest> parse(String line) {
    String[] words = line.strip().split("\\s+");
    if (words.length < 2 || words.length > 3 || !words[0].equals(StreamProtocol.RESUME)) {
      return Optional.empty();
    }
    String id = words.length == 3 ? words[1] : "";
    if (!id.isEmpty() && !StreamProtocol.validStreamId(id)) {
      return Optional.empty();
    }
    try {
      long seq = Long.parseLong(words[words.length - 1]);
      return seq < -1 ? Optional.empty() : Optional.of(new ResumeRequest(id, seq));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
