package io.jvcstreaming.analytics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jvcstreaming.analytics.testing.TestPosts;
import io.jvcstreaming.analytics.testing.TestStreamServer;
import io.jvcstreaming.testkit.Await;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code java -jar target/spark-analytics.jar} with no other flag: runs in local mode thanks to the manifest
 * (Main-Class, Add-Opens, Class-Path lib/...). Runs after {@code package}, in failsafe.
 */
class StandaloneJarIT {

  private static final Path JAR = Path.of("target", "spark-analytics.jar");
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Not a timing assertion: a hang on Spark's or Hadoop's shutdown timeouts would need 30 s or more. */
  private static final long STOP_BOUND_SECONDS = 20;

  @TempDir
  Path temp;

  @Test
  @DisplayName("java -jar runs the job in local mode, prints JSON counts on stdout, and stops on SIGTERM with one"
      + " totals line")
  void javaDashJarRunsInLocalMode() throws Exception {
    assertThat(JAR).exists();
    TestPosts posts = new TestPosts(1);
    try (TestStreamServer server = new TestStreamServer(); ServerSocket closed = new ServerSocket(0)) {
      server.append(posts.next(300));
      // a publish URL where nothing answers HTTP: every POST fails, and the totals line must say so
      String deadUrl = "http://127.0.0.1:" + closed.getLocalPort() + "/api/results";
      closed.close();
      Process p = new ProcessBuilder(javaBin(), "-jar", JAR.toString(), "--job", "authors", "--source",
          server.address(), "--emit", "json", "--batch", "1s", "--window", "2s", "--top", "100",
          "--checkpoint-dir", temp.resolve("cp").toString(), "--publish-url", deadUrl)
          .redirectError(temp.resolve("stderr.txt").toFile()).start();
      AtomicReference<Map<String, Long>> latest = new AtomicReference<>(Map.of());
      List<String> lines = new ArrayList<>();
      Thread reader = new Thread(() -> {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
          String line;
          while ((line = r.readLine()) != null) {
            lines.add(line);
            JsonNode node = JSON.readTree(line);
            if (node.get("job").asText().equals("authors")) {
              Map<String, Long> counts = new HashMap<>();
              node.get("top").forEach(n -> counts.put(n.get("key").asText(), n.get("count").asLong()));
              latest.set(counts);
            }
          }
        } catch (Exception e) {
          lines.add("READ ERROR " + e);
        }
      });
      reader.start();
      try {
        Await.within(Duration.ofSeconds(90), () -> latest.get().equals(posts.authors()) || !p.isAlive());
        assertThat(latest.get()).as("stderr: %s", stderr()).isEqualTo(posts.authors());
        assertThat(lines).allMatch(l -> l.startsWith("{\"job\":")); // stdout carries only our JSON lines
      } finally {
        p.destroy(); // SIGTERM
        // bounded well below Spark's 10-batch graceful-stop default and Hadoop's 30 s shutdown-hook timeout
        assertThat(p.waitFor(STOP_BOUND_SECONDS, TimeUnit.SECONDS)).as("exited after SIGTERM; stderr: %s", stderr())
            .isTrue();
        reader.join(5_000);
      }
      // a graceful stop, not the JVM's 143: the signal stopped the context and main returned normally
      assertThat(p.exitValue()).as("stderr: %s", stderr()).isZero();
      assertThat(stderr()).contains("SIGTERM: stopping gracefully").contains("job 'authors' stopped");
      // one totals line on the graceful stop, with this run's figures
      Matcher totals = Pattern.compile("job 'authors' totals: batches=(\\d+) received=300 counted=300"
          + " dropped_duplicates=0 total_counted=300 reconnects=0 receiver_errors=0 published=0"
          + " publish_failures=(\\d+) state_keys=\\{authors=(\\d+),authors-trending=\\d+}").matcher(stderr());
      assertThat(totals.find()).as("the totals line in stderr: %s", stderr()).isTrue();
      assertThat(Long.parseLong(totals.group(1))).as("batches").isPositive();
      assertThat(Long.parseLong(totals.group(2))).as("publish failures").isPositive();
      assertThat(Long.parseLong(totals.group(3))).as("authors' state keys").isEqualTo(posts.authors().size());
      assertThat(stderr().split("totals: ", -1)).as("exactly one totals line").hasSize(2);
    }
  }

  @Test
  @DisplayName("invalid options exit with 2 and name the key; a failing job exits with 1")
  void exitCodes() throws Exception {
    Process bad = new ProcessBuilder(javaBin(), "-jar", JAR.toString(), "--job", "all", "--top", "0")
        .redirectErrorStream(true).start();
    String out = new String(bad.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(bad.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(bad.exitValue()).isEqualTo(2);
    assertThat(out).contains("error: invalid --top / JVC_TOP: expected an integer in 1..1000000, got '0'").contains("Usage:");

    Process failing = new ProcessBuilder(javaBin(), "-Dspark.master=local[1]", "-jar", JAR.toString(),
        "--job", "authors", "--checkpoint-dir", temp.resolve("cp1").toString()).redirectErrorStream(true).start();
    String failOut = new String(failing.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(failing.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(failing.exitValue()).as(failOut).isEqualTo(1);
    assertThat(failOut).contains("leaves no core for processing");
  }

  @Test
  @DisplayName("a restart with a changed --min-word-length on the same checkpoint exits 2 naming the option and both"
      + " values")
  void changedShapingOptionExitsWithTwo() throws Exception {
    Path cp = temp.resolve("cp-shape");
    try (TestStreamServer server = new TestStreamServer()) {
      Process first = new ProcessBuilder(javaBin(), "-jar", JAR.toString(), "--job", "words", "--source",
          server.address(), "--batch", "500ms", "--window", "1s", "--checkpoint-dir", cp.toString())
          .redirectErrorStream(true).redirectOutput(temp.resolve("first.txt").toFile()).start();
      try {
        assertThat(Await.within(Duration.ofSeconds(90), () -> !first.isAlive() || sparkCheckpointIn(cp)))
            .as("a checkpoint written").isTrue();
        assertThat(first.isAlive()).as("still running; output: %s", read("first.txt")).isTrue();
      } finally {
        first.destroyForcibly(); // the graceful stop is tested above; here only the checkpoint on disk matters
        assertThat(first.waitFor(60, TimeUnit.SECONDS)).isTrue();
      }
      Process second = new ProcessBuilder(javaBin(), "-jar", JAR.toString(), "--job", "words", "--source",
          server.address(), "--batch", "500ms", "--window", "1s", "--checkpoint-dir", cp.toString(),
          "--min-word-length", "4").redirectErrorStream(true).start();
      String out = new String(second.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(second.exitValue()).as(out).isEqualTo(2);
      assertThat(out).contains("error: option --min-word-length (JVC_MIN_WORD_LENGTH) is '4' on this start but '6'"
          + " in the checkpoint ").contains("pass another --checkpoint-dir");
    }
  }

  private static boolean sparkCheckpointIn(Path root) {
    try (var files = Files.walk(root, 2)) {
      return files.anyMatch(p -> p.getFileName().toString().startsWith("checkpoint-"));
    } catch (java.io.IOException | java.io.UncheckedIOException e) {
      return false; // not created yet
    }
  }

  private String read(String name) throws Exception {
    Path f = temp.resolve(name);
    return Files.exists(f) ? Files.readString(f) : "";
  }

  private String stderr() throws Exception {
    Path f = temp.resolve("stderr.txt");
    return Files.exists(f) ? Files.readString(f) : "";
  }

  private static String javaBin() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
