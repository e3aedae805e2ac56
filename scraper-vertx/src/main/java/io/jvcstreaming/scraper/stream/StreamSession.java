package io.jvcstreaming.scraper.stream;

import io.jvcstreaming.codec.Greeting;
import io.jvcstreaming.codec.ResumeAnswer;
import io.jvcstreaming.codec.ResumeRequest;
import io.jvcstreaming.codec.StreamProtocol;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;

/**
 * The server side of one stream connection's handshake (protocol v2, docs/protocol.md), without any I/O: fed
 * with what happens (accepted, a line, the handshake window elapsed) and the log's current window, it answers
 * with the lines to send and where the connection's cursor goes. The verticle only moves bytes and timers.
 *
 * <p>States: {@code AWAITING_AUTH} (a token is configured and not seen yet) → {@code HANDSHAKE} → {@code LIVE}
 * (put at the tip by the window, {@code LIVE} or an empty line, no RESUME answered yet) or {@code RESUMED}
 * (a RESUME was answered). A RESUME that arrives in {@code LIVE} is honoured, not ignored: the cursor moves
 * and the answer says so ({@code resume-after-live}), so the gap is never lost silently. Not thread-safe:
 * one per connection, driven from its event loop.
 */
final class StreamSession {

  /** Where a connection is in its handshake. */
  public enum State { AWAITING_AUTH, HANDSHAKE, LIVE, RESUMED, CLOSED }

  /** Cursor of a connection that takes the first post the window will hold (it holds none yet). */
  public static final long FIRST_HELD = -1;
  /** {@link Step#cursor} when the event does not move the cursor. */
  public static final long UNCHANGED = Long.MIN_VALUE;

  static final String BAD_HANDSHAKE_USAGE = "expected AUTH <token>, RESUME <stream-id> <seq>, RESUME <seq> or LIVE";

  /**
   * What to do after one event.
   *
   * @param replies   lines to write, in order, each {@code \n}-terminated
   * @param cursor    the seq of the next post to send, {@link #FIRST_HELD}, or {@link #UNCHANGED}
   * @param answer    the RESUME answer sent, if this event answered one (to log and count)
   * @param afterLive the answered RESUME came after the connection had been put live
   * @param refusal   why the connection is closed after the replies (to log and count), null if it stays open
   */
  public record Step(List<String> replies, long cursor, Optional<ResumeAnswer> answer, boolean afterLive,
                     String refusal) {

    static final Step NOTHING = new Step(List.of(), UNCHANGED, Optional.empty(), false, null);

    public boolean closes() {
      return refusal != null;
    }

    static Step live(long cursor) {
      return new Step(List.of(), cursor, Optional.empty(), false, null);
    }

    static Step refuse(String line, String why) {
      return new Step(List.of(line), UNCHANGED, Optional.empty(), false, why);
    }
  }

  private final byte[] token;
  private final boolean liveAtOnce;
  private State state;

  /**
   * @param token      the shared secret clients must send first, null when none is configured
   * @param liveAtOnce the handshake window is zero: a client without a token to send is live on accept
   */
  public StreamSession(String token, boolean liveAtOnce) {
    this.token = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
    this.liveAtOnce = liveAtOnce;
    this.state = token == null ? State.HANDSHAKE : State.AWAITING_AUTH;
  }

  public State state() {
    return state;
  }

  /** The connection was accepted: the greeting first, always; live at once when there is no window to wait. */
  public Step accepted(Greeting now) {
    List<String> greeting = List.of(now.line());
    if (liveAtOnce && state == State.HANDSHAKE) {
      state = State.LIVE;
      return new Step(greeting, tip(now), Optional.empty(), false, null);
    }
    return new Step(greeting, UNCHANGED, Optional.empty(), false, null);
  }

  /** The handshake window passed: a silent client goes live at the tip (so {@code nc} shows posts). */
  public Step windowElapsed(Greeting now) {
    return switch (state) {
      case AWAITING_AUTH -> close(StreamProtocol.ERROR_PREFIX + "auth-failed\n", "no AUTH line within the handshake window");
      case HANDSHAKE -> {
        state = State.LIVE;
        yield Step.live(tip(now));
      }
      default -> Step.NOTHING;
    };
  }

  /** A client line longer than {@link StreamProtocol#MAX_HANDSHAKE_LINE}. */
  public Step lineTooLong() {
    if (state == State.CLOSED) {
      return Step.NOTHING;
    }
    return close(StreamProtocol.ERROR_PREFIX + "bad-handshake line longer than " + StreamProtocol.MAX_HANDSHAKE_LINE
        + " bytes\n", "handshake line too long");
  }

  /** One client line (without its {@code \n}). */
  public Step line(String raw, Greeting now) {
    if (raw.getBytes(StandardCharsets.UTF_8).length > StreamProtocol.MAX_HANDSHAKE_LINE) {
      return lineTooLong(); // a whole line that came in one read: the line parser only caps unfinished ones
    }
    String line = raw.strip();
    switch (state) {
      case CLOSED:
        return Step.NOTHING;
      case AWAITING_AUTH: {
        String sent = StreamProtocol.parseAuth(line);
        if (sent != null && MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8), token)) {
          state = State.HANDSHAKE;
          return Step.NOTHING;
        }
        return close(StreamProtocol.ERROR_PREFIX + "auth-failed\n", "bad or missing AUTH");
      }
      default:
        break;
    }
    if (StreamProtocol.parseAuth(line) != null) {
      return Step.NOTHING; // a token sent to a server that needs none, or sent twice: harmless
    }
    if (line.isEmpty() || line.equals(StreamProtocol.LIVE)) {
      if (state == State.HANDSHAKE) {
        state = State.LIVE;
        return Step.live(tip(now));
      }
      return Step.NOTHING; // already streaming
    }
    Optional<ResumeRequest> resume = ResumeRequest.parse(line);
    if (resume.isEmpty()) {
      return close(StreamProtocol.ERROR_PREFIX + "bad-handshake " + BAD_HANDSHAKE_USAGE + "\n",
          "unexpected line (" + line.length() + " chars)");
    }
    if (state == State.RESUMED) {
      return close(StreamProtocol.ERROR_PREFIX + "bad-handshake one RESUME per connection\n", "second RESUME");
    }
    boolean afterLive = state == State.LIVE;
    state = State.RESUMED;
    ResumeAnswer answer = answer(resume.get(), now, afterLive);
    return new Step(List.of(answer.line()), cursorFor(answer, now), Optional.of(answer), afterLive, null);
  }

  /**
   * The one answer to a RESUME. A late RESUME whose position is otherwise fine gets {@code resume-after-live};
   * one whose position is also wrong gets that error instead (it says more: posts lost, or another stream), the
   * reader discards whatever came before any answer anyway.
   */
  static ResumeAnswer answer(ResumeRequest request, Greeting now, boolean afterLive) {
    long oldest = now.oldest();
    long head = now.head();
    long fromOldest = oldest >= 0 ? oldest : head + 1;
    if (!request.manual() && !request.streamId().equals(now.streamId())) {
      return ResumeAnswer.streamChanged(request.streamId(), now.streamId(), fromOldest);
    }
    long seq = request.seq();
    if (seq > head) {
      return ResumeAnswer.beyondHead(seq, head);
    }
    if (seq >= 0 && oldest >= 0 && seq + 1 < oldest) {
      return ResumeAnswer.tooOld(seq, oldest);
    }
    long from = seq < 0 ? fromOldest : seq + 1;
    return afterLive ? ResumeAnswer.afterLive(seq, from) : ResumeAnswer.ok(seq, from);
  }

  /** An empty window has no seq to point at yet: the cursor then takes the first post that comes. */
  private static long cursorFor(ResumeAnswer answer, Greeting now) {
    return now.head() < 0 ? FIRST_HELD : answer.from();
  }

  private static long tip(Greeting now) {
    return now.head() >= 0 ? now.head() + 1 : FIRST_HELD;
  }

  private Step close(String line, String why) {
    state = State.CLOSED;
    return Step.refuse(line, why);
  }
}
