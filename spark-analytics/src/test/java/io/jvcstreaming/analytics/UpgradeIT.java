package io.jvcstreaming.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import io.jvcstreaming.analytics.checkpoint.BuildVersion;
import io.jvcstreaming.analytics.checkpoint.CheckpointDir;
import io.jvcstreaming.analytics.config.JobConfig;
import io.jvcstreaming.analytics.testing.TestPosts;
import io.jvcstreaming.testkit.Await;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A new build beside an old build's checkpoint: the old one is never read (it could hold classes that no longer
 * deserialize), the new build's counts start afresh from what the server still holds, the old directory is kept.
 */
class UpgradeIT extends SparkITBase {

  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String OLD_BUILD = "0.9.0-spark3.5.8-0123456789ab";

  @Test
  @DisplayName("an old build's checkpoint beside (even an unreadable one): not read, counts rebuilt from the log, kept")
  void newBuildStartsAfreshBesideAnOldBuildsCheckpoint() throws Exception {
    TestPosts posts = new TestPosts(8);
    JobConfig config = config("--job", "authors");
    start(config);
    server.append(posts.next(300));
    assertThat(reports.awaitCounts("authors", posts.authors()::equals, WAIT)).isEqualTo(posts.authors());
    int reportsNow = reports.received();
    assertThat(Await.within(WAIT, () -> reports.received() >= reportsNow + 3)).as("three more batches").isTrue();
    stopContext(true);

    // what this build wrote becomes "the old build's": its graph made unreadable, as a changed class would
    Path root = temp.resolve("checkpoint");
    Path old = Files.move(root.resolve(BuildVersion.current()), root.resolve(OLD_BUILD));
    try (var files = Files.list(old)) {
      for (Path f : files.filter(p -> p.getFileName().toString().startsWith("checkpoint-")).toList()) {
        Files.write(f, "serialized with classes this build does not have".getBytes(StandardCharsets.UTF_8));
      }
    }
    server.append(posts.next(200));
    start(config);
    server.append(posts.next(100));

    // counted once each: everything the server holds, from scratch (not on top of the old counts, not from seq 300)
    Map<String, Long> counts = reports.awaitCounts("authors", posts.authors()::equals, WAIT);
    assertThat(counts).isEqualTo(posts.authors());
    assertThat(reports.latest("authors").get("totalPosts").asLong()).isEqualTo(600);
    assertThat(old.resolve(CheckpointDir.OPTIONS_FILE)).as("the old build's directory is kept").exists();
    assertThat(root.resolve(BuildVersion.current()).resolve(CheckpointDir.OPTIONS_FILE)).exists();
  }
}
