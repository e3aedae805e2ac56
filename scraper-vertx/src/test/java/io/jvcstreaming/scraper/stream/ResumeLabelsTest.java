package io.jvcstreaming.scraper.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.jvcstreaming.codec.ResumeAnswer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResumeLabelsTest {

  @ParameterizedTest(name = "{0} afterLive={1}")
  @CsvSource({
      "ok,             false, ok",
      "ok,             true,  ok resume-after-live",
      "tooOld,         false, resume-too-old",
      "tooOld,         true,  resume-too-old resume-after-live",
      "beyondHead,     false, resume-beyond-head",
      "streamChanged,  false, stream-changed",
      "afterLive,      true,  resume-after-live",
      "afterLive,      false, resume-after-live",
  })
  void countsAnAnswerUnderItsWireCodeAndALateOneTwice(String kind, boolean afterLive, String labels) {
    ResumeAnswer answer = switch (kind) {
      case "ok" -> ResumeAnswer.ok(10, 10);
      case "tooOld" -> ResumeAnswer.tooOld(3, 10);
      case "beyondHead" -> ResumeAnswer.beyondHead(99, 20);
      case "streamChanged" -> ResumeAnswer.streamChanged("aaaaaaaaaaaaaaaa", "bbbbbbbbbbbbbbbb", 1);
      default -> ResumeAnswer.afterLive(10, 12);
    };
    assertThat(String.join(" ", ResumeLabels.of(answer, afterLive))).isEqualTo(labels);
  }
}
