package io.jvcstreaming.analytics.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import io.jvcstreaming.analytics.checkpoint.Retention.VersionDir;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetentionTest {

  @Test
  void keepsTheMostRecentlyWrittenAndDeletesTheOlderOnes() {
    VersionDir a = new VersionDir("1.0-spark3.5.8-aaaaaaaaaaaa", 1_000);
    VersionDir b = new VersionDir("1.1-spark3.5.8-bbbbbbbbbbbb", 3_000);
    VersionDir c = new VersionDir("1.0-spark3.5.8-cccccccccccc", 2_000);
    record Case(List<VersionDir> others, VersionDir kept, List<VersionDir> deleted) { }
    for (Case t : List.of(
        new Case(List.of(), null, List.of()),
        new Case(List.of(a), a, List.of()),
        new Case(List.of(a, b), b, List.of(a)),
        new Case(List.of(a, b, c), b, List.of(c, a)))) {
      Retention.Decision d = Retention.decide(t.others());
      assertThat(d.kept()).as("%s", t.others()).isEqualTo(t.kept());
      assertThat(d.deleted()).as("%s", t.others()).isEqualTo(t.deleted());
    }
  }
}
