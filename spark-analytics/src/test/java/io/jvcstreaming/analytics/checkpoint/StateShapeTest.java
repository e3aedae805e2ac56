package io.jvcstreaming.analytics.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import io.jvcstreaming.analytics.config.JobConfig;
import io.jvcstreaming.analytics.config.JobConfigLoader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class StateShapeTest {

  private static final String CP = "/data/cp/words/1.0-spark3.5.8-abc";

  private static JobConfig load(String... args) {
    return JobConfigLoader.load(args, Map.of());
  }

  @Test
  @DisplayName("only the options that shape the saved counts are saved; source, top, emit, pseudos, URL, token are not")
  void savesOnlyShapingOptions() {
    Map<String, String> shape = StateShape.of(JobConfigLoader.load(new String[] {"--job", "all", "--top", "3",
        "--pseudo", "a", "--publish-url", "http://h/x", "--source", "h:1"}, Map.of("STREAM_TOKEN", "tok")));
    assertThat(shape).containsOnlyKeys("job", "batch", "window", "min-word-length", "stop-words", "wal",
        "state-idle-timeout");
    assertThat(shape.values()).noneMatch(v -> v.contains("tok") || v.contains("http") || v.contains("h:1"));
    assertThat(shape).containsEntry("job", "all").containsEntry("batch", "3000ms").containsEntry("window", "600000ms")
        .containsEntry("min-word-length", "6").containsEntry("stop-words", "none").containsEntry("wal", "true")
        .containsEntry("state-idle-timeout", "2592000000ms");
  }

  @Test
  @DisplayName("every changed shaping option is one line naming the option, its variable and both values")
  void differencesTable() {
    Map<String, String> saved = StateShape.of(load("--job", "words"));
    record Case(String[] args, List<String> expected) { }
    List<Case> cases = List.of(
        new Case(new String[] {"--job", "words", "--top", "99", "--emit", "json"}, List.of()),
        new Case(new String[] {"--job", "words", "--min-word-length", "4"}, List.of(
            "option --min-word-length (JVC_MIN_WORD_LENGTH) is '4' on this start but '6' in the checkpoint " + CP)),
        new Case(new String[] {"--job", "words", "--batch", "1s", "--window", "10m"}, List.of(
            "option --batch (JVC_BATCH) is '1000ms' on this start but '3000ms' in the checkpoint " + CP)),
        new Case(new String[] {"--job", "words", "--window", "5m", "--wal", "false"}, List.of(
            "option --window (JVC_WINDOW) is '300000ms' on this start but '600000ms' in the checkpoint " + CP,
            "option --wal (JVC_WAL) is 'false' on this start but 'true' in the checkpoint " + CP)),
        new Case(new String[] {"--job", "authors"}, List.of(
            "option --job (JVC_JOB) is 'authors' on this start but 'words' in the checkpoint " + CP)),
        new Case(new String[] {"--job", "words", "--state-idle-timeout", "7d"}, List.of(
            "option --state-idle-timeout (JVC_STATE_IDLE_TIMEOUT) is '604800000ms' on this start but '2592000000ms'"
                + " in the checkpoint " + CP)));
    for (Case c : cases) {
      assertThat(StateShape.differences(saved, StateShape.of(load(c.args())), CP)).as(String.join(" ", c.args()))
          .isEqualTo(c.expected());
    }
  }

  @Test
  @DisplayName("stop words compare by content; an option the saved file does not know is not compared")
  void stopWordsByContentAndOlderFiles() {
    Map<String, String> builtin = StateShape.of(load("--job", "words", "--stop-words", "builtin"));
    assertThat(builtin.get("stop-words")).matches("\\d+ words, sha256 [0-9a-f]{16}");
    assertThat(StateShape.differences(builtin, StateShape.of(load("--job", "words")), CP)).singleElement()
        .asString().startsWith("option --stop-words (JVC_STOP_WORDS) is 'none' on this start but '");
    Map<String, String> older = new java.util.HashMap<>(StateShape.of(load("--job", "words")));
    older.remove("state-idle-timeout");
    assertThat(StateShape.differences(older, StateShape.of(load("--job", "words", "--state-idle-timeout", "1d")), CP))
        .isEmpty();
  }

  @Test
  void refusalSaysHowToStartFresh() {
    String text = StateShape.refusal(List.of("option --x (X) is 'a' on this start but 'b' in the checkpoint " + CP),
        CP);
    assertThat(text).contains("option --x").contains("pass another --checkpoint-dir").contains("move " + CP + " away");
  }
}
