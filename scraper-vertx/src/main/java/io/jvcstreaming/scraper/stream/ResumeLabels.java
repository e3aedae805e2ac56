package io.jvcstreaming.scraper.stream;

import io.jvcstreaming.codec.ResumeAnswer;
import java.util.List;
import java.util.Locale;

/** The resume-answers metric labels one answered RESUME counts under. Pure. */
final class ResumeLabels {

  private ResumeLabels() {
  }

  /**
   * The answer's own label, and {@code resume-after-live} too when a RESUME came after the connection was put live
   * but was answered with another kind (the gap it reports is counted both ways).
   */
  static List<String> of(ResumeAnswer answer, boolean afterLive) {
    if (afterLive && answer.kind() != ResumeAnswer.Kind.AFTER_LIVE) {
      return List.of(label(answer), label(ResumeAnswer.afterLive(answer.requested(), answer.from())));
    }
    return List.of(label(answer));
  }

  /** The metric label of an answer: its wire code ({@code resume-too-old}...), {@code ok} for OK. */
  static String label(ResumeAnswer answer) {
    return answer.kind() == ResumeAnswer.Kind.OK ? "ok"
        : answer.line().split(" ")[2].toLowerCase(Locale.ROOT);
  }
}
