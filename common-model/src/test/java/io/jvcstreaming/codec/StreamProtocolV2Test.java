package io.jvcstreaming.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class StreamProtocolV2Test {

  private static final String ID = "0123456789abcdef";
  private static final String OTHER = "fedcba9876543210";

  @Test
  void greetingRoundTripsAndRejectsBadIds() {
    Greeting g = new Greeting(ID, 5, 42);
    assertThat(g.line()).isEqualTo("# HELLO v=2 stream=0123456789abcdef oldest=5 head=42\n");
    assertThat(Greeting.parse(g.line())).contains(g);
    assertThat(Greeting.parse("# HELLO v=2 stream=" + ID + " oldest=-1 head=-1")).contains(new Greeting(ID, -1, -1));
    assertThat(Greeting.parse("# HELLO v=2 stream=XYZ oldest=1 head=2")).isEmpty();
    assertThat(Greeting.parse("# INFO stream=" + ID)).isEmpty();
    assertThat(Greeting.parse("{\"seq\":1}")).isEmpty();
    assertThatThrownBy(() -> new Greeting("short", 0, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  static Stream<Arguments> resumeRequests() {
    return Stream.of(
        Arguments.of("RESUME " + ID + " 41", Optional.of(new ResumeRequest(ID, 41))),
        Arguments.of("RESUME " + ID + " -1\r\n", Optional.of(new ResumeRequest(ID, -1))),
        Arguments.of("RESUME 41", Optional.of(new ResumeRequest("", 41))),
        Arguments.of("RESUME -1", Optional.of(new ResumeRequest("", -1))),
        Arguments.of("RESUME " + ID + " -2", Optional.empty()),
        Arguments.of("RESUME NOTANID00000000 3", Optional.empty()),
        Arguments.of("RESUME " + ID + " 1 2", Optional.empty()),
        Arguments.of("RESUME", Optional.empty()),
        Arguments.of("resume 5", Optional.empty()),
        Arguments.of("RESUME 99999999999999999999999", Optional.empty()));
  }

  @ParameterizedTest
  @MethodSource("resumeRequests")
  void parsesResumeRequests(String line, Optional<ResumeRequest> expected) {
    assertThat(ResumeRequest.parse(line)).isEqualTo(expected);
    expected.ifPresent(r -> assertThat(ResumeRequest.parse(r.line())).contains(r));
  }

  @Test
  void resumeLinesOfBothForms() {
    assertThat(StreamProtocol.resumeLine(ID, 7)).isEqualTo("RESUME 0123456789abcdef 7\n");
    assertThat(StreamProtocol.resumeLine(7)).isEqualTo("RESUME 7\n");
    assertThat(StreamProtocol.parseResume("RESUME " + ID + " 7")).hasValue(7);
  }

  static Stream<Arguments> answers() {
    return Stream.of(
        Arguments.of(ResumeAnswer.ok(41, 42), "# OK resume from=42\n"),
        Arguments.of(ResumeAnswer.tooOld(12, 500), "# ERROR resume-too-old requested=12 oldest=500 from=500\n"),
        Arguments.of(ResumeAnswer.beyondHead(4084, 120), "# ERROR resume-beyond-head requested=4084 head=120 from=121\n"),
        Arguments.of(ResumeAnswer.streamChanged(OTHER, ID, 0),
            "# ERROR stream-changed requested=fedcba9876543210 stream=0123456789abcdef from=0\n"),
        Arguments.of(ResumeAnswer.afterLive(30, 31), "# WARN resume-after-live requested=30 from=31\n"));
  }

  @ParameterizedTest
  @MethodSource("answers")
  void answersHaveOneLineEachAndRoundTrip(ResumeAnswer answer, String line) {
    assertThat(answer.line()).isEqualTo(line);
    ResumeAnswer parsed = ResumeAnswer.parse(line).orElseThrow();
    assertThat(parsed.kind()).isEqualTo(answer.kind());
    assertThat(parsed.from()).isEqualTo(answer.from());
    assertThat(parsed.line()).isEqualTo(line);
  }

  @Test
  void otherControlLinesAreNotAnswers() {
    assertThat(ResumeAnswer.parse("# ERROR auth-failed")).isEmpty();
    assertThat(ResumeAnswer.parse("# OK resume")).isEmpty(); // no from=
    assertThat(ResumeAnswer.parse("# HELLO v=2 stream=" + ID + " oldest=1 head=2")).isEmpty();
  }

  @Test
  void controlLinesSplitIntoLevelCodeAndFields() {
    ControlLine c = ControlLine.parse("# ERROR bad-handshake expected AUTH x=1").orElseThrow();
    assertThat(c.level()).isEqualTo("ERROR");
    assertThat(c.code()).isEqualTo("bad-handshake");
    assertThat(c.fields()).containsEntry("x", "1");
    assertThat(c.rest()).isEqualTo("expected AUTH");
    assertThat(c.longField("x", 0)).isEqualTo(1);
    assertThat(c.longField("y", -3)).isEqualTo(-3);
    assertThat(ControlLine.parse("no hash")).isEmpty();
    assertThat(ControlLine.parse("#")).isEmpty();
  }
}
