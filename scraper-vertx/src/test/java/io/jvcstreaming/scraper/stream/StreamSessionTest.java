package io.jvcstreaming.scraper.stream;

import static io.jvcstreaming.scraper.stream.StreamSession.FIRST_HELD;
import static io.jvcstreaming.scraper.stream.StreamSession.UNCHANGED;
import static org.assertj.core.api.Assertions.assertThat;

import io.jvcstreaming.codec.Greeting;
import io.jvcstreaming.codec.ResumeAnswer;
import io.jvcstreaming.scraper.stream.StreamSession.State;
import io.jvcstreaming.scraper.stream.StreamSession.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The handshake as a table: events in, state, reply lines and cursor out. */
class StreamSessionTest {

  private static final String ID = "0123456789abcdef";
  private static final String OTHER = "fedcba9876543210";
  /** The window most rows use: posts 100..199 held. */
  private static final Greeting HELD = new Greeting(ID, 100, 199);
  private static final Greeting EMPTY = new Greeting(ID, -1, -1);
  /** A Redis log that holds nothing yet: its first post will be seq 1 (INCR), so head is announced as 0. */
  private static final Greeting EMPTY_FROM_ONE = new Greeting(ID, -1, 0);

  /** An event: a client line, or {@code null} for "the handshake window elapsed". */
  private record Event(String line) {
    static Event window() {
      return new Event(null);
    }

    Step apply(StreamSession s, Greeting now) {
      return line == null ? s.windowElapsed(now) : s.line(line, now);
    }

    @Override
    public String toString() {
      return line == null ? "<window>" : "'" + line + "'";
    }
  }

  private static Event l(String line) {
    return new Event(line);
  }

  private static final Event WINDOW = Event.window();

  /**
   * token, window, events (after accept), then expected: final state, the replies of the last event, the last
   * cursor decision of the whole sequence.
   */
  static Stream<Arguments> table() {
    return Stream.of(
        // nc: says nothing, live at the tip once the window passes
        row(null, HELD, List.of(WINDOW), State.LIVE, List.of(), 200),
        row(null, EMPTY, List.of(WINDOW), State.LIVE, List.of(), FIRST_HELD),
        row(null, EMPTY_FROM_ONE, List.of(WINDOW), State.LIVE, List.of(), 1),
        row(null, EMPTY_FROM_ONE, List.of(l("RESUME " + ID + " -1")), State.RESUMED,
            List.of("# OK resume from=1\n"), 1),
        row(null, HELD, List.of(l("LIVE")), State.LIVE, List.of(), 200),
        row(null, HELD, List.of(l("")), State.LIVE, List.of(), 200),
        // a window that elapses after the client went live changes nothing
        row(null, HELD, List.of(l("LIVE"), WINDOW), State.LIVE, List.of(), 200),
        // OK answers
        row(null, HELD, List.of(l("RESUME " + ID + " 150")), State.RESUMED,
            List.of("# OK resume from=151\n"), 151),
        row(null, HELD, List.of(l("RESUME " + ID + " 199")), State.RESUMED,
            List.of("# OK resume from=200\n"), 200),
        row(null, HELD, List.of(l("RESUME " + ID + " 99")), State.RESUMED,
            List.of("# OK resume from=100\n"), 100),
        row(null, HELD, List.of(l("RESUME " + ID + " -1")), State.RESUMED,
            List.of("# OK resume from=100\n"), 100),
        row(null, EMPTY, List.of(l("RESUME " + ID + " -1")), State.RESUMED,
            List.of("# OK resume from=0\n"), FIRST_HELD),
        // the manual form trusts the client: a position in the current stream
        row(null, HELD, List.of(l("RESUME 150")), State.RESUMED, List.of("# OK resume from=151\n"), 151),
        row(null, HELD, List.of(l("  RESUME 150  ")), State.RESUMED, List.of("# OK resume from=151\n"), 151),
        // too old: the gap is reported, then the oldest held
        row(null, HELD, List.of(l("RESUME " + ID + " 10")), State.RESUMED,
            List.of("# ERROR resume-too-old requested=10 oldest=100 from=100\n"), 100),
        row(null, HELD, List.of(l("RESUME 98")), State.RESUMED,
            List.of("# ERROR resume-too-old requested=98 oldest=100 from=100\n"), 100),
        // beyond the head under the same id: the log lost its tail
        row(null, HELD, List.of(l("RESUME " + ID + " 4084")), State.RESUMED,
            List.of("# ERROR resume-beyond-head requested=4084 head=199 from=200\n"), 200),
        row(null, EMPTY, List.of(l("RESUME " + ID + " 4084")), State.RESUMED,
            List.of("# ERROR resume-beyond-head requested=4084 head=-1 from=0\n"), FIRST_HELD),
        row(null, HELD, List.of(l("RESUME 200")), State.RESUMED,
            List.of("# ERROR resume-beyond-head requested=200 head=199 from=200\n"), 200),
        // another stream: repositioned to the oldest held, whatever the seq
        row(null, HELD, List.of(l("RESUME " + OTHER + " 150")), State.RESUMED,
            List.of("# ERROR stream-changed requested=" + OTHER + " stream=" + ID + " from=100\n"), 100),
        row(null, HELD, List.of(l("RESUME " + OTHER + " 4084")), State.RESUMED,
            List.of("# ERROR stream-changed requested=" + OTHER + " stream=" + ID + " from=100\n"), 100),
        row(null, EMPTY, List.of(l("RESUME " + OTHER + " 5")), State.RESUMED,
            List.of("# ERROR stream-changed requested=" + OTHER + " stream=" + ID + " from=0\n"), FIRST_HELD),
        // a RESUME after the window put the client live is honoured and says so
        row(null, HELD, List.of(WINDOW, l("RESUME " + ID + " 150")), State.RESUMED,
            List.of("# WARN resume-after-live requested=150 from=151\n"), 151),
        row(null, HELD, List.of(l("LIVE"), l("RESUME 120")), State.RESUMED,
            List.of("# WARN resume-after-live requested=120 from=121\n"), 121),
        // ... unless the position is wrong too: that error says more
        row(null, HELD, List.of(WINDOW, l("RESUME " + ID + " 5")), State.RESUMED,
            List.of("# ERROR resume-too-old requested=5 oldest=100 from=100\n"), 100),
        row(null, HELD, List.of(WINDOW, l("RESUME " + OTHER + " 5")), State.RESUMED,
            List.of("# ERROR stream-changed requested=" + OTHER + " stream=" + ID + " from=100\n"), 100),
        // after an answer: a second RESUME is refused, LIVE and the window change nothing
        row(null, HELD, List.of(l("RESUME 150"), l("RESUME 160")), State.CLOSED,
            List.of("# ERROR bad-handshake one RESUME per connection\n"), 151),
        row(null, HELD, List.of(l("RESUME 150"), l("LIVE"), WINDOW), State.RESUMED, List.of(), 151),
        // garbage, before or after going live
        row(null, HELD, List.of(l("GET / HTTP/1.1")), State.CLOSED,
            List.of("# ERROR bad-handshake " + StreamSession.BAD_HANDSHAKE_USAGE + "\n"), UNCHANGED),
        row(null, HELD, List.of(l("RESUME abc")), State.CLOSED,
            List.of("# ERROR bad-handshake " + StreamSession.BAD_HANDSHAKE_USAGE + "\n"), UNCHANGED),
        row(null, HELD, List.of(l("RESUME NOTHEX0123456789 5")), State.CLOSED,
            List.of("# ERROR bad-handshake " + StreamSession.BAD_HANDSHAKE_USAGE + "\n"), UNCHANGED),
        row(null, HELD, List.of(WINDOW, l("hello?")), State.CLOSED,
            List.of("# ERROR bad-handshake " + StreamSession.BAD_HANDSHAKE_USAGE + "\n"), 200),
        row(null, HELD, List.of(l("RESUME " + "9".repeat(600))), State.CLOSED,
            List.of("# ERROR bad-handshake line longer than 512 bytes\n"), UNCHANGED),
        // AUTH without a configured token is harmless
        row(null, HELD, List.of(l("AUTH whatever"), l("RESUME 150")), State.RESUMED,
            List.of("# OK resume from=151\n"), 151),
        // with a token
        row("s3cret", HELD, List.of(l("AUTH s3cret")), State.HANDSHAKE, List.of(), UNCHANGED),
        row("s3cret", HELD, List.of(l("AUTH s3cret"), l("RESUME " + ID + " 150")), State.RESUMED,
            List.of("# OK resume from=151\n"), 151),
        row("s3cret", HELD, List.of(l("AUTH s3cret"), WINDOW), State.LIVE, List.of(), 200),
        row("s3cret", HELD, List.of(l("AUTH nope")), State.CLOSED, List.of("# ERROR auth-failed\n"), UNCHANGED),
        row("s3cret", HELD, List.of(l("RESUME 150")), State.CLOSED, List.of("# ERROR auth-failed\n"), UNCHANGED),
        row("s3cret", HELD, List.of(WINDOW), State.CLOSED, List.of("# ERROR auth-failed\n"), UNCHANGED),
        // a closed session says nothing more
        row("s3cret", HELD, List.of(l("AUTH nope"), l("AUTH s3cret")), State.CLOSED, List.of(), UNCHANGED));
  }

  private static Arguments row(String token, Greeting now, List<Event> events, State state, List<String> replies,
      long cursor) {
    return Arguments.of(token, now, events, state, replies, cursor);
  }

  @ParameterizedTest(name = "token={0} window={1} {2} -> {3} {4} cursor={5}")
  @MethodSource("table")
  void handshake(String token, Greeting now, List<Event> events, State state, List<String> replies, long cursor) {
    StreamSession session = new StreamSession(token, false);
    Step accepted = session.accepted(now);
    assertThat(accepted.replies()).as("greeting first").containsExactly(now.line());
    Step last = accepted;
    long lastCursor = UNCHANGED;
    for (Event e : events) {
      last = e.apply(session, now);
      if (last.cursor() != UNCHANGED) {
        lastCursor = last.cursor();
      }
    }
    assertThat(session.state()).isEqualTo(state);
    assertThat(last.replies()).isEqualTo(replies);
    assertThat(lastCursor).isEqualTo(cursor);
    assertThat(last.closes()).isEqualTo(state == State.CLOSED && !replies.isEmpty());
  }

  @Test
  void everyResumeAnswerIsReportedWithWhetherItCameAfterLive() {
    StreamSession early = new StreamSession(null, false);
    early.accepted(HELD);
    Step onTime = early.line("RESUME " + ID + " 150", HELD);
    assertThat(onTime.answer()).contains(ResumeAnswer.ok(150, 151));
    assertThat(onTime.afterLive()).isFalse();

    StreamSession late = new StreamSession(null, false);
    late.accepted(HELD);
    late.windowElapsed(HELD);
    Step afterWindow = late.line("RESUME " + ID + " 5", HELD);
    assertThat(afterWindow.answer()).contains(ResumeAnswer.tooOld(5, 100));
    assertThat(afterWindow.afterLive()).isTrue();
    assertThat(afterWindow.closes()).isFalse();
  }

  @Test
  void aZeroWindowPutsATokenlessClientLiveOnAcceptButStillWaitsForAToken() {
    StreamSession open = new StreamSession(null, true);
    Step accepted = open.accepted(HELD);
    assertThat(accepted.replies()).containsExactly(HELD.line());
    assertThat(accepted.cursor()).isEqualTo(200);
    assertThat(open.state()).isEqualTo(State.LIVE);

    StreamSession guarded = new StreamSession("s3cret", true);
    assertThat(guarded.accepted(HELD).cursor()).isEqualTo(UNCHANGED);
    assertThat(guarded.state()).isEqualTo(State.AWAITING_AUTH);
  }

  @Test
  void anOverlongLineIsABadHandshakeNotAnAuthFailure() {
    List<State> states = new ArrayList<>();
    for (String token : new String[] {null, "s3cret"}) {
      StreamSession s = new StreamSession(token, false);
      s.accepted(HELD);
      Step step = s.lineTooLong();
      assertThat(step.replies()).singleElement().asString().startsWith("# ERROR bad-handshake line longer than 512");
      assertThat(step.closes()).isTrue();
      states.add(s.state());
      assertThat(s.lineTooLong().replies()).isEmpty();
    }
    assertThat(states).containsOnly(State.CLOSED);
  }
}
