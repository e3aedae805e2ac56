package io.jvcstreaming.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.jvcstreaming.analytics.checkpoint.StartRefused;
import io.jvcstreaming.analytics.config.JobConfig;
import io.jvcstreaming.analytics.config.JobConfigLoader;
import io.jvcstreaming.analytics.state.ByCountDesc;
import io.jvcstreaming.analytics.testing.RecordingProxy;
import io.jvcstreaming.analytics.testing.ReportCollector;
import io.jvcstreaming.analytics.testing.TestPosts;
import io.jvcstreaming.model.Post;
import io.jvcstreaming.testkit.Await;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.SparkConf;
import org.apache.spark.io.CompressionCodec$;
import org.apache.spark.io.CompressionCodec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import scala.Tuple2;

/**
 * A driver stopped and started again on its checkpoint with other settings: what the user may change takes effect,
 * the checkpoint holds no token, and an option that shapes the saved counts is refused.
 */
class FreshConfigIT extends SparkITBase {

  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String TOKEN_PROPERTY = "jvc.stream.token";
  private static final String FIRST_TOKEN = "first-t0ken-4f1d9a";
  private static final String SECOND_TOKEN = "second-t0ken-8be2c7";

  @AfterEach
  void clearToken() {
    System.clearProperty(TOKEN_PROPERTY);
  }

  @Test
  @DisplayName("restart with another source, token, publish URL, top, pseudo and emit: all take effect; no token in"
      + " the checkpoint; a changed --min-word-length is refused naming both values")
  void changedSettingsTakeEffectOnRecovery() throws Exception {
    TestPosts posts = new TestPosts(21);
    try (RecordingProxy firstSource = new RecordingProxy(server.port());
         RecordingProxy secondSource = new RecordingProxy(server.port());
         ReportCollector secondCollector = new ReportCollector()) {
      System.setProperty(TOKEN_PROPERTY, FIRST_TOKEN);
      start(load(firstSource.address(), reports.url(), "--pseudo", "risitas"));
      List<Post> beforeRestart = posts.next(300);
      server.append(beforeRestart);
      assertThat(reports.awaitCounts("authors", posts.authors()::equals, WAIT)).isEqualTo(posts.authors());
      Map<String, Long> risitas = Map.of("risitas", countBy(beforeRestart, "risitas"));
      assertThat(reports.awaitCounts("pseudo", risitas::equals, WAIT)).isEqualTo(risitas);
      assertThat(firstSource.tokens()).contains(FIRST_TOKEN);
      int reportsNow = reports.received();
      assertThat(Await.within(WAIT, () -> reports.received() >= reportsNow + 3)).as("three more batches").isTrue();
      stopContext(true);
      assertThat(checkpointWritten()).isTrue();

      System.setProperty(TOKEN_PROPERTY, SECOND_TOKEN);
      List<Post> afterRestart = new ArrayList<>(posts.next(200)); // posted while the driver is down
      server.append(afterRestart);
      ByteArrayOutputStream stdout = new ByteArrayOutputStream();
      PrintStream originalOut = System.out;
      System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
      try {
        start(load(secondSource.address(), secondCollector.url(), "--pseudo", "AYAAA", "--top", "2",
            "--emit", "table"));
        List<Post> more = posts.next(200);
        afterRestart.addAll(more);
        server.append(more);

        // counts continue (recovered), and the report now holds this start's top 2
        Map<String, Long> top2 = topOf(posts.authors(), 2);
        assertThat(secondCollector.awaitCounts("authors", top2::equals, WAIT)).isEqualTo(top2);
        JsonNode latest = secondCollector.latest("authors");
        assertThat(latest.get("totalPosts").asLong()).isEqualTo(700);
        assertThat(latest.get("top")).hasSize(2);
        assertThat(latest.get("keys").asLong()).as("state size").isEqualTo(posts.authors().size());
        // the pseudo followed now, with its whole count (the state counts every author); the old one not reported
        List<Post> all = new ArrayList<>(beforeRestart);
        all.addAll(afterRestart);
        Map<String, Long> ayaaa = Map.of("ayaaa", countBy(all, "ayaaa"));
        assertThat(secondCollector.awaitCounts("pseudo", ayaaa::equals, WAIT)).isEqualTo(ayaaa);
        // the new source, with the new token
        assertThat(secondSource.tokens()).contains(SECOND_TOKEN).doesNotContain(FIRST_TOKEN);
        assertThat(Await.within(WAIT, () -> stdout.toString(StandardCharsets.UTF_8).contains("== authors |")))
            .as("a table on stdout").isTrue();
      } finally {
        System.setOut(originalOut);
      }
      stopContext(true);
    }

    // nothing secret, nothing of this run's settings in what the checkpoint serialized
    Path checkpoint = temp.resolve("checkpoint");
    assertThat(anyFileContains(checkpoint, "io.jvcstreaming.analytics.report.ReportTop"))
        .as("control: the serialized graph is searched").isTrue();
    for (String secret : List.of(FIRST_TOKEN, SECOND_TOKEN, reports.url())) {
      assertThat(anyFileContains(checkpoint, secret)).as("%s in the checkpoint", secret).isFalse();
    }

    // an option that shapes the saved counts is refused, naming the option, both values and the way out
    JobConfig changed = load(server.address(), reports.url(), "--min-word-length", "4");
    assertThatThrownBy(() -> AnalyticsMain.createOrRecover(changed, TEST_SPARK))
        .isInstanceOf(StartRefused.class)
        .hasMessageContaining("option --min-word-length (JVC_MIN_WORD_LENGTH) is '4' on this start but '6' in the"
            + " checkpoint ")
        .hasMessageContaining("pass another --checkpoint-dir");
  }

  private JobConfig load(String source, String publishUrl, String... extra) {
    List<String> args = new ArrayList<>(List.of("--job", "all", "--source", source, "--batch", "500ms",
        "--checkpoint-dir", temp.resolve("checkpoint").toString(), "--top", "1000", "--emit", "json",
        "--publish-url", publishUrl, "--window", "3s"));
    args.addAll(List.of(extra));
    return JobConfigLoader.load(args.toArray(String[]::new), new HashMap<>());
  }

  private static long countBy(List<Post> posts, String lowerPseudo) {
    return posts.stream().filter(p -> p.author().toLowerCase(Locale.ROOT).equals(lowerPseudo)).count();
  }

  private static Map<String, Long> topOf(Map<String, Long> counts, int n) {
    List<Tuple2<String, Long>> all = new ArrayList<>();
    counts.forEach((k, v) -> all.add(new Tuple2<>(k, v)));
    all.sort(ByCountDesc.INSTANCE);
    Map<String, Long> top = new HashMap<>();
    all.subList(0, n).forEach(t -> top.put(t._1(), t._2()));
    return top;
  }

  /** Searches every file's bytes, and Spark's checkpoint files also decompressed (Spark compresses them). */
  private static boolean anyFileContains(Path dir, String text) throws Exception {
    byte[] needle = text.getBytes(StandardCharsets.UTF_8);
    CompressionCodec codec = CompressionCodec$.MODULE$.createCodec(new SparkConf(false));
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        byte[] raw = Files.readAllBytes(f);
        if (indexOf(raw, needle) >= 0) {
          return true;
        }
        if (f.getFileName().toString().matches("checkpoint-\\d+(\\.bk)?")) {
          try (InputStream in = codec.compressedInputStream(new ByteArrayInputStream(raw))) {
            if (indexOf(in.readAllBytes(), needle) >= 0) {
              return true;
            }
          }
        }
      }
    }
    return false;
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
