package io.jvcstreaming.analytics.receive;

import io.jvcstreaming.codec.ControlLine;
import io.jvcstreaming.codec.Greeting;
import io.jvcstreaming.codec.ResumeAnswer;
import io.jvcstreaming.codec.StreamProtocol;
import java.util.List;
import java.util.Optional;

/**
 * The receiver's side of protocol v2 (docs/protocol-v2-contract.md, "Receiver policy"), without I/O: fed the
 * server's control lines and each post's (seq, topic, id), it answers with what to send, whether to keep the
 * post, and what to log. The receiver owns the socket, the thread, {@code store()} and the bookmark.
 *
 * <p>Position: the stream id and the last seq consumed in it, plus the {@link TopicMarks}. A connection goes
 * through {@link Phase#GREETING} (waiting for {@code # HELLO}), {@link Phase#ANSWER} (our {@code RESUME} is
 * sent, post lines are discarded until its one answer) and {@link Phase#STREAMING}.
 *
 * <p>Every decision that loses or may double a post is logged at ERROR with numbers; the counters let tests
 * and the Spark UI messages say how many. Not thread-safe: one receiver thread.
 */
final class ReceiverSession {

  /** Where a connection is in the handshake. */
  enum Phase { GREETING, ANSWER, STREAMING }

  /** What the receiver does with a line. */
  enum Verdict {
    /** Store the post. */
    ACCEPT,
    /** seq below the next expected: already stored. */
    DUPLICATE,
    /** id not above its topic's high-water mark: counted before (under another seq or stream). */
    REPLAYED,
    /** A post line before the answer to our RESUME (e.g. sent live before a late RESUME was honoured). */
    BEFORE_ANSWER,
    /** Write {@link Decision#send()} to the server. */
    SEND,
    /** Nothing to do but log. */
    NOTE,
    /** Close this connection and connect again (with backoff). */
    RECONNECT
  }

  enum Level { DEBUG, INFO, WARN, ERROR }

  /**
   * @param send    lines for the server, each {@code \n}-terminated (only for {@link Verdict#SEND})
   * @param message what to log at {@code level}; ERROR messages also go to the Spark UI
   */
  record Decision(Verdict verdict, Level level, String message, List<String> send) {

    static Decision note(Level level, String message) {
      return new Decision(Verdict.NOTE, level, message, List.of());
    }
  }

  // the per-post answers without a message: no allocation on the hot path
  private static final Decision ACCEPT = new Decision(Verdict.ACCEPT, Level.DEBUG, "", List.of());
  private static final Decision DUPLICATE = new Decision(Verdict.DUPLICATE, Level.DEBUG, "", List.of());
  private static final Decision REPLAYED = new Decision(Verdict.REPLAYED, Level.DEBUG, "", List.of());
  private static final Decision BEFORE_ANSWER = new Decision(Verdict.BEFORE_ANSWER, Level.DEBUG, "", List.of());

  private String streamId; // null: never streamed (a fresh bookmark)
  private long seq; // last seq consumed in streamId, -1 none
  private final TopicMarks marks;

  private Phase phase = Phase.GREETING;
  private Greeting greeting;
  private String sentStream;
  private long sentSeq;
  private long expected;
  private long discardedThisConnection;

  private final SessionCounters counts = new SessionCounters();

  /** A session at a saved position; {@code streamId} null (and seq -1) for a first start. */
  ReceiverSession(String streamId, long seq, TopicMarks marks) {
    if (streamId != null && !StreamProtocol.validStreamId(streamId)) {
      throw new IllegalArgumentException("bad stream id: " + streamId);
    }
    this.streamId = streamId;
    this.seq = streamId == null ? -1 : seq;
    this.marks = marks;
  }

  static ReceiverSession fresh() {
    return new ReceiverSession(null, -1, new TopicMarks(TopicMarks.DEFAULT_CAPACITY));
  }

  /** A new connection: wait for the greeting again. */
  void connected() {
    phase = Phase.GREETING;
    greeting = null;
    discardedThisConnection = 0;
  }

  /**
   * A line starting with {@code #}. {@code token} is sent as {@code AUTH} right after the greeting when not
   * null (it is not kept: the session never holds the secret).
   */
  Decision onControl(String line, String token) {
    return switch (phase) {
      case GREETING -> onGreetingPhase(line, token);
      case ANSWER -> onAnswerPhase(line);
      case STREAMING -> onStreamingPhase(line);
    };
  }

  /** A post line, already decoded. */
  Decision onPost(long postSeq, long topicId, long id) {
    if (phase != Phase.STREAMING) {
      counts.discardedBeforeAnswer++;
      discardedThisConnection++;
      return BEFORE_ANSWER;
    }
    if (postSeq < expected) {
      counts.duplicates++;
      return DUPLICATE;
    }
    Decision gap = null;
    if (postSeq > expected) {
      long missing = postSeq - expected;
      counts.gaps++;
      counts.missingSeqs += missing;
      gap = new Decision(Verdict.ACCEPT, Level.ERROR, "gap in stream " + streamId + ": " + missing
          + " seq(s) " + range(expected, postSeq - 1) + " never arrived, posts lost; continuing at seq " + postSeq
          + " " + counters(), List.of());
    }
    expected = postSeq + 1;
    seq = postSeq;
    if (!marks.advance(topicId, id)) {
      counts.replayed++;
      return gap == null ? REPLAYED : new Decision(Verdict.REPLAYED, gap.level(), gap.message(), List.of());
    }
    return gap == null ? ACCEPT : gap;
  }

  /** No greeting (or no answer) within the handshake timeout. */
  Decision onHandshakeTimeout(long timeoutMillis) {
    counts.handshakeTimeouts++;
    String what = phase == Phase.GREETING
        ? "no '# HELLO' greeting within " + timeoutMillis + " ms (is the server older than protocol v2?)"
        : "no answer to our RESUME within " + timeoutMillis + " ms";
    return new Decision(Verdict.RECONNECT, Level.ERROR, what + "; reconnecting " + counters(), List.of());
  }

  private Decision onGreetingPhase(String line, String token) {
    Optional<Greeting> parsed = Greeting.parse(line);
    if (parsed.isEmpty()) {
      return other(line);
    }
    Greeting g = parsed.get();
    greeting = g;
    phase = Phase.ANSWER;
    sentStream = streamId == null ? g.streamId() : streamId;
    sentSeq = streamId == null ? -1 : seq;
    String resume = StreamProtocol.resumeLine(sentStream, sentSeq);
    List<String> send = token == null ? List.of(resume) : List.of(StreamProtocol.authLine(token), resume);
    String note = streamId == null ? " (first start)"
        : streamId.equals(g.streamId()) ? "" : " (our position is for stream " + streamId + ", the server's is "
        + g.streamId() + ")";
    return new Decision(Verdict.SEND, Level.INFO, "greeted by stream " + g.streamId() + " (oldest=" + g.oldest()
        + " head=" + g.head() + "); sending " + resume.strip() + note, send);
  }

  private Decision onAnswerPhase(String line) {
    Optional<ResumeAnswer> parsed = ResumeAnswer.parse(line);
    if (parsed.isEmpty()) {
      return other(line);
    }
    ResumeAnswer a = parsed.get();
    phase = Phase.STREAMING;
    String discarded = discardedThisConnection == 0 ? ""
        : "; " + discardedThisConnection + " post line(s) sent before the answer discarded";
    return switch (a.kind()) {
      case OK -> resumeInStream(a.from(), Level.INFO, "resumed stream " + sentStream + " after seq " + sentSeq
          + discarded);
      case AFTER_LIVE -> {
        counts.afterLive++;
        // the answer carries no verdict on our position: the greeting tells whether it still holds
        if (!sentStream.equals(greeting.streamId())) {
          yield changeStream(greeting.streamId(), a.from(), "resume-after-live" + discarded);
        }
        if (sentSeq > greeting.head()) {
          yield beyondHead(greeting.head(), a.from(), "resume-after-live" + discarded);
        }
        yield resumeInStream(a.from(), Level.WARN, "resume-after-live: our RESUME arrived after the server put us"
            + " live; it was honoured" + discarded);
      }
      case STREAM_CHANGED -> changeStream(StreamProtocol.validStreamId(a.stream()) ? a.stream() : greeting.streamId(),
          a.from(), "stream-changed" + discarded);
      case BEYOND_HEAD -> beyondHead(a.detail(), a.from(), "resume-beyond-head" + discarded);
      case TOO_OLD -> {
        long lost = Math.max(0, a.from() - (sentSeq + 1));
        counts.lostTooOld += lost;
        streamId = sentStream;
        seq = a.from() - 1;
        expected = a.from();
        yield Decision.note(Level.ERROR, "resume-too-old: stream " + sentStream + " no longer holds seqs "
            + range(sentSeq + 1, a.from() - 1) + ": " + lost + " post(s) lost; counting from the oldest held, seq "
            + a.from() + discarded + " " + counters());
      }
    };
  }

  /** Same stream: continue after our seq; a {@code from} past it is a gap, one before it is re-sent posts. */
  private Decision resumeInStream(long from, Level level, String message) {
    streamId = sentStream;
    long next = sentSeq + 1;
    if (from > next && sentSeq >= 0) {
      long missing = from - next;
      counts.gaps++;
      counts.missingSeqs += missing;
      expected = from;
      seq = from - 1;
      return Decision.note(Level.ERROR, message + "; but the server skips " + missing + " seq(s) "
          + range(next, from - 1) + ": posts lost " + counters());
    }
    expected = Math.max(from, next); // re-sent posts below our position are skipped as duplicates
    String resent = from < expected ? "; the server re-sends from seq " + from + ", " + (expected - from)
        + " post(s) to skip as duplicates" : "";
    return Decision.note(level, message + "; next seq " + expected + resent);
  }

  private Decision changeStream(String newStream, long from, String why) {
    counts.streamChanges++;
    String old = sentStream;
    streamId = newStream;
    seq = from - 1;
    expected = from;
    return Decision.note(Level.ERROR, why + ": our position (stream " + old + " seq " + sentSeq + ") is for another"
        + " log; new stream " + newStream + ", counting from the oldest held (seq " + from + "); posts already"
        + " counted are dropped by the per-topic high-water mark " + counters());
  }

  private Decision beyondHead(long head, long from, String why) {
    counts.beyondHead++;
    streamId = sentStream;
    long had = sentSeq;
    seq = head;
    expected = Math.max(from, head + 1);
    return Decision.note(Level.ERROR, why + ": stream " + sentStream + " ends at seq " + head + " but we stored up"
        + " to " + had + " (the log lost its tail); moving our position down to " + head + ", next seq " + expected
        + "; posts already counted are dropped by the per-topic high-water mark " + counters());
  }

  private Decision onStreamingPhase(String line) {
    if (ResumeAnswer.parse(line).isPresent() || Greeting.parse(line).isPresent()) {
      return Decision.note(Level.WARN, "unexpected handshake line while streaming, ignored: " + line);
    }
    return other(line);
  }

  private Decision other(String line) {
    String level = ControlLine.parse(line).map(ControlLine::level).orElse("");
    return switch (level) {
      case "ERROR" -> Decision.note(Level.ERROR, "server says: " + line);
      case "WARN" -> Decision.note(Level.WARN, "server says: " + line);
      default -> Decision.note(Level.INFO, "server says: " + line);
    };
  }

  private static String range(long from, long to) {
    return from == to ? Long.toString(from) : from + ".." + to;
  }

  /** The counters, for messages: {@code [gaps=.. missing=.. ...]}. */
  String counters() {
    return counts.toString();
  }

  Phase phase() {
    return phase;
  }

  boolean streaming() {
    return phase == Phase.STREAMING;
  }

  /** The stream the position belongs to; null before the first answer of a first start. */
  String streamId() {
    return streamId;
  }

  /** Last seq consumed (stored, or dropped as replayed) in {@link #streamId()}. */
  long seq() {
    return seq;
  }

  /** The next seq this connection expects; meaningful while streaming. */
  long expected() {
    return expected;
  }

  TopicMarks marks() {
    return marks;
  }

  /** What was lost, doubled or dropped so far (the tests and the Spark UI messages say how many). */
  SessionCounters counts() {
    return counts;
  }
}
