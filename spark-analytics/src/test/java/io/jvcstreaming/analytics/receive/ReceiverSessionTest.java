package io.jvcstreaming.analytics.receive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jvcstreaming.analytics.receive.ReceiverSession.Decision;
import io.jvcstreaming.analytics.receive.ReceiverSession.Level;
import io.jvcstreaming.analytics.receive.ReceiverSession.Phase;
import io.jvcstreaming.analytics.receive.ReceiverSession.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Line in, state and decision out: each row feeds a session (at a saved position) the server's lines of one or
 * more connections, and checks every verdict, the final position, the counters and what is logged.
 */
class ReceiverSessionTest {

  static final String A = "aaaaaaaaaaaaaaaa";
  static final String B = "bbbbbbbbbbbbbbbb";

  static String hello(String stream, long oldest, long head) {
    return "# HELLO v=2 stream=" + stream + " oldest=" + oldest + " head=" + head;
  }

  /**
   * @param startStream null for a first start
   * @param marks       topic -> highest stored id, before the row starts
   * @param input       "# ..." a control line, "p seq topic id" a post, "timeout" the handshake timeout,
   *                    "connect" a new connection
   * @param verdicts    one per input line
   * @param send        what the greeting makes the session send (empty: not checked)
   * @param counters    fragments of {@link ReceiverSession#counters()} at the end
   * @param logged      a level and message fragment some decision of the row must have
   */
  record Row(String name, String startStream, long startSeq, Map<Long, Long> marks, String token, List<String> input,
             List<Verdict> verdicts, Phase endPhase, String endStream, long endSeq, List<String> send,
             List<String> counters, Level level, String logged) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Row> rows() {
    return Stream.of(
        new Row("first start: RESUME <greeted id> -1", null, -1, Map.of(), null,
            List.of(hello(A, 0, 99)), List.of(Verdict.SEND), Phase.ANSWER, null, -1,
            List.of("RESUME " + A + " -1\n"), List.of(), Level.INFO, "first start"),
        new Row("first start with a token: AUTH first", null, -1, Map.of(), "s3cret",
            List.of(hello(A, 0, 99)), List.of(Verdict.SEND), Phase.ANSWER, null, -1,
            List.of("AUTH s3cret\n", "RESUME " + A + " -1\n"), List.of(), Level.INFO, "sending RESUME " + A + " -1"),
        new Row("first start, OK from the oldest", null, -1, Map.of(), null,
            List.of(hello(A, 5, 99), "# OK resume from=5", "p 5 1 105"),
            List.of(Verdict.SEND, Verdict.NOTE, Verdict.ACCEPT), Phase.STREAMING, A, 5,
            List.of(), List.of("gaps=0"), Level.INFO, "next seq 5"),
        new Row("saved position: RESUME <its id> <its seq>, OK, next post accepted", A, 41, Map.of(), null,
            List.of(hello(A, 0, 99), "# OK resume from=42", "p 42 1 1042"),
            List.of(Verdict.SEND, Verdict.NOTE, Verdict.ACCEPT), Phase.STREAMING, A, 42,
            List.of("RESUME " + A + " 41\n"), List.of("duplicates=0 replayed=0 gaps=0"), Level.INFO, "after seq 41"),
        new Row("greeted by another stream: still sends its own position, says so", A, 41, Map.of(), null,
            List.of(hello(B, 0, 9)), List.of(Verdict.SEND), Phase.ANSWER, A, 41,
            List.of("RESUME " + A + " 41\n"), List.of(), Level.INFO, "our position is for stream " + A),
        new Row("a post before the greeting is discarded", null, -1, Map.of(), null,
            List.of("p 0 1 1"), List.of(Verdict.BEFORE_ANSWER), Phase.GREETING, null, -1,
            List.of(), List.of("discardedBeforeAnswer=1"), Level.DEBUG, ""),
        new Row("posts before the answer are discarded and counted", A, 41, Map.of(), null,
            List.of(hello(A, 0, 99), "p 90 1 1090", "p 91 1 1091", "# OK resume from=42", "p 42 1 1042"),
            List.of(Verdict.SEND, Verdict.BEFORE_ANSWER, Verdict.BEFORE_ANSWER, Verdict.NOTE, Verdict.ACCEPT),
            Phase.STREAMING, A, 42, List.of(), List.of("discardedBeforeAnswer=2"), Level.INFO,
            "2 post line(s) sent before the answer discarded"),
        new Row("re-sent posts below our position are duplicates", A, 41, Map.of(), null,
            List.of(hello(A, 0, 99), "# OK resume from=40", "p 40 1 1040", "p 41 1 1041", "p 42 1 1042"),
            List.of(Verdict.SEND, Verdict.NOTE, Verdict.DUPLICATE, Verdict.DUPLICATE, Verdict.ACCEPT),
            Phase.STREAMING, A, 42, List.of(), List.of("duplicates=2"), Level.INFO,
            "next seq 42; the server re-sends from seq 40, 2 post(s) to skip as duplicates"),
        new Row("gap in seqs: ERROR with the count, accepted", A, 41, Map.of(), null,
            List.of(hello(A, 0, 99), "# OK resume from=42", "p 42 1 1042", "p 45 1 1045", "p 46 1 1046"),
            List.of(Verdict.SEND, Verdict.NOTE, Verdict.ACCEPT, Verdict.ACCEPT, Verdict.ACCEPT),
            Phase.STREAMING, A, 46, List.of(), List.of("gaps=1 missingSeqs=2"), Level.ERROR,
            "2 seq(s) 43..44 never arrived"),
        new Row("OK whose from skips past our position: a gap", A, 41, Map.of(), null,
            List.of(hello(A, 0, 99), "# OK resume from=50", "p 50 1 1050"),
            List.of(Verdict.SEND, Verdict.NOTE, Verdict.ACCEPT), Phase.STREAMING, A, 50,
            List.of(), List.of("gaps=1 missingSeqs=8"), Level.ERROR, "skips 8 seq(s) 42..49"),
        new Row("stream-changed: adopt the new id, replayed posts dropped by the marks", A, 41, Map.of(1L, 1000L), null,
            List.of(hello(B, 0, 9), "# ERROR stream-changed requested=" + A + " stream=" + B + " from=0",
                "p 0 1 999", "p 1 1 1000", "p 2 1 1001", "p 3 2 5"),
            List.of(Verdict.SEND, Verdict.NOTE, Verdict.REPLAYED, Verdict.REPLAYED, Verdict.ACCEPT, Verdict.ACCEPT),
            Phase.STREAMING, B, 3, List.of(), List.of("replayed=2", "streamChanges=1", "gaps=0"), Level.ERROR,
            "new stream " + B + ", counting from the oldest held (seq 0); posts already counted are dropped by the"
                + " per-topic high-water mark"),
        new Row("resume-beyond-head: our seq moves down to the head", A, 120, Map.of(1L, 1000L), null,
            List.of(hello(A, 0, 99), "# ERROR resume-beyond-head requested=120 head=99 from=100",
                "p 100 1 1000", "p 101 1 1500"),
            List.of(Verdict.SEND, Verdict.NOTE, Verdict.REPLAYED, Verdict.ACCEPT), Phase.STREAMING, A, 101,
            List.of(), List.of("beyondHead=1", "replayed=1", "gaps=0"), Level.ERROR,
            "ends at seq 99 but we stored up to 120"),
        new Row("resume-too-old: ERROR with the number of posts lost, counted", A, 10, Map.of(), null,
            List.of(hello(A, 500, 900), "# ERROR resume-too-old requested=10 oldest=500 from=500", "p 500 1 1500"),
            List.of(Verdict.SEND, Verdict.NOTE, Verdict.ACCEPT), Phase.STREAMING, A, 500,
            List.of(), List.of("lostTooOld=489", "gaps=0"), Level.ERROR, "489 post(s) lost"),
        new Row("resume-after-live: posts sent live before it discarded, resumed exactly", A, 41, Map.of(), null,
            List.of(hello(A, 0, 99), "p 100 1 1100", "# WARN resume-after-live requested=41 from=42", "p 42 1 1042"),
            List.of(Verdict.SEND, Verdict.BEFORE_ANSWER, Verdict.NOTE, Verdict.ACCEPT), Phase.STREAMING, A, 42,
            List.of(), List.of("afterLive=1", "discardedBeforeAnswer=1", "gaps=0"), Level.WARN,
            "honoured; 1 post line(s) sent before the answer discarded; next seq 42"),
        new Row("resume-after-live from another stream (per the greeting): a stream change", A, 41, Map.of(), null,
            List.of(hello(B, 0, 9), "# WARN resume-after-live requested=41 from=0", "p 0 2 5"),
            List.of(Verdict.SEND, Verdict.NOTE, Verdict.ACCEPT), Phase.STREAMING, B, 0,
            List.of(), List.of("afterLive=1", "streamChanges=1"), Level.ERROR, "new stream " + B),
        new Row("resume-after-live beyond the greeted head: our seq moves down", A, 150, Map.of(), null,
            List.of(hello(A, 0, 99), "# WARN resume-after-live requested=150 from=100", "p 100 3 7"),
            List.of(Verdict.SEND, Verdict.NOTE, Verdict.ACCEPT), Phase.STREAMING, A, 100,
            List.of(), List.of("afterLive=1", "beyondHead=1", "gaps=0"), Level.ERROR, "moving our position down to 99"),
        new Row("an id at or below its topic's mark is replayed, even in the same stream", A, 41, Map.of(1L, 2000L), null,
            List.of(hello(A, 0, 99), "# OK resume from=42", "p 42 1 1999", "p 43 2 1999"),
            List.of(Verdict.SEND, Verdict.NOTE, Verdict.REPLAYED, Verdict.ACCEPT), Phase.STREAMING, A, 43,
            List.of(), List.of("replayed=1"), Level.INFO, "resumed"),
        new Row("no greeting in time: reconnect", A, 41, Map.of(), null,
            List.of("timeout"), List.of(Verdict.RECONNECT), Phase.GREETING, A, 41,
            List.of(), List.of("handshakeTimeouts=1"), Level.ERROR, "no '# HELLO' greeting within 10000 ms"),
        new Row("greeted, no answer in time: reconnect", A, 41, Map.of(), null,
            List.of(hello(A, 0, 99), "timeout"), List.of(Verdict.SEND, Verdict.RECONNECT), Phase.ANSWER, A, 41,
            List.of(), List.of("handshakeTimeouts=1"), Level.ERROR, "no answer to our RESUME"),
        new Row("auth-failed is an ERROR", A, 41, Map.of(), "wrong",
            List.of(hello(A, 0, 99), "# ERROR auth-failed"), List.of(Verdict.SEND, Verdict.NOTE), Phase.ANSWER, A, 41,
            List.of("AUTH wrong\n", "RESUME " + A + " 41\n"), List.of(), Level.ERROR, "server says: # ERROR auth-failed"),
        new Row("an INFO line while streaming is only logged", A, 41, Map.of(), null,
            List.of(hello(A, 0, 99), "# OK resume from=42", "# INFO scraper restarting", "p 42 1 1042"),
            List.of(Verdict.SEND, Verdict.NOTE, Verdict.NOTE, Verdict.ACCEPT), Phase.STREAMING, A, 42,
            List.of(), List.of(), Level.INFO, "server says: # INFO scraper restarting"),
        new Row("a second answer while streaming is ignored with a WARN", A, 41, Map.of(), null,
            List.of(hello(A, 0, 99), "# OK resume from=42", "# OK resume from=10", "p 42 1 1042"),
            List.of(Verdict.SEND, Verdict.NOTE, Verdict.NOTE, Verdict.ACCEPT), Phase.STREAMING, A, 42,
            List.of(), List.of("duplicates=0"), Level.WARN, "unexpected handshake line"),
        new Row("a new connection waits for the greeting again, from the position reached", A, 41, Map.of(), null,
            List.of(hello(A, 0, 99), "# OK resume from=42", "p 42 1 1042", "connect", "p 43 1 1043", hello(A, 0, 99),
                "# OK resume from=43", "p 43 1 1043"),
            List.of(Verdict.SEND, Verdict.NOTE, Verdict.ACCEPT, Verdict.NOTE, Verdict.BEFORE_ANSWER, Verdict.SEND,
                Verdict.NOTE, Verdict.ACCEPT),
            Phase.STREAMING, A, 43, List.of(), List.of("discardedBeforeAnswer=1", "duplicates=0"), Level.INFO,
            "sending RESUME " + A + " 42"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void lineInStateAndDecisionOut(Row row) {
    TopicMarks marks = new TopicMarks(TopicMarks.DEFAULT_CAPACITY);
    row.marks().forEach(marks::advance);
    ReceiverSession session = new ReceiverSession(row.startStream(), row.startSeq(), marks);
    session.connected();
    List<Decision> decisions = new ArrayList<>();
    for (String in : row.input()) {
      decisions.add(feed(session, in, row.token()));
    }
    assertThat(decisions).extracting(Decision::verdict).as("verdicts").containsExactlyElementsOf(row.verdicts());
    assertThat(session.phase()).as("phase").isEqualTo(row.endPhase());
    assertThat(session.streamId()).as("stream").isEqualTo(row.endStream());
    assertThat(session.seq()).as("seq").isEqualTo(row.endSeq());
    if (!row.send().isEmpty()) {
      assertThat(decisions).filteredOn(d -> d.verdict() == Verdict.SEND).first()
          .extracting(Decision::send).isEqualTo(row.send());
    }
    for (String c : row.counters()) {
      assertThat(session.counters()).contains(c);
    }
    if (!row.logged().isEmpty()) {
      assertThat(decisions).as("a %s decision containing '%s'", row.level(), row.logged())
          .anyMatch(d -> d.level() == row.level() && d.message().contains(row.logged()));
    }
    // the token is sent, never kept in a message
    if (row.token() != null) {
      assertThat(decisions).noneMatch(d -> d.message().contains(row.token()));
    }
  }

  private static Decision feed(ReceiverSession session, String in, String token) {
    if (in.equals("timeout")) {
      return session.onHandshakeTimeout(10_000);
    }
    if (in.equals("connect")) {
      session.connected();
      return Decision.note(Level.DEBUG, "");
    }
    if (in.startsWith("p ")) {
      String[] w = in.split(" ");
      return session.onPost(Long.parseLong(w[1]), Long.parseLong(w[2]), Long.parseLong(w[3]));
    }
    return session.onControl(in, token);
  }

  @Test
  void afterAGapTheNextSeqIsExpectedAgain() {
    ReceiverSession s = new ReceiverSession(A, 9, new TopicMarks(10));
    s.connected();
    s.onControl(hello(A, 0, 20), null);
    s.onControl("# OK resume from=10", null);
    assertThat(s.onPost(15, 1, 15).level()).isEqualTo(Level.ERROR);
    assertThat(s.expected()).isEqualTo(16);
    assertThat(s.onPost(16, 1, 16)).extracting(Decision::verdict, Decision::level)
        .containsExactly(Verdict.ACCEPT, Level.DEBUG);
    assertThat(s.onPost(15, 1, 15).verdict()).isEqualTo(Verdict.DUPLICATE);
    assertThat(s.counts().gaps()).isEqualTo(1);
    assertThat(s.counts().missingSeqs()).isEqualTo(5);
  }

  @Test
  void aBadStreamIdIsRefused() {
    assertThatThrownBy(() -> new ReceiverSession("nothex", 3, new TopicMarks(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
