package io.jvcstreaming.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jvcstreaming.analytics.checkpoint.BuildVersion;
import io.jvcstreaming.analytics.checkpoint.CheckpointDir;
import io.jvcstreaming.analytics.checkpoint.CheckpointUnreadable;
import io.jvcstreaming.analytics.checkpoint.StateShape;
import io.jvcstreaming.analytics.config.JobConfig;
import io.jvcstreaming.analytics.config.JobConfigLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a start does with the checkpoint directory before any Spark context exists. */
class CheckpointStartTest {

  @TempDir
  Path temp;

  @Test
  @DisplayName("this build's checkpoint unreadable: one clear error naming the directory and the way out")
  void unreadableCheckpointIsAClearError() throws Exception {
    JobConfig config = JobConfigLoader.load(new String[] {"--job", "authors", "--checkpoint-dir",
        temp.toString()}, Map.of());
    CheckpointDir dir = CheckpointDir.open(temp.toString(), BuildVersion.current(), new Configuration());
    dir.writeOptions(StateShape.of(config));
    Files.write(Path.of(dir.path(), "checkpoint-1764100000000"), "not a checkpoint".getBytes(StandardCharsets.UTF_8));

    assertThatThrownBy(() -> AnalyticsMain.createOrRecover(config, SparkITBase.TEST_SPARK))
        .isInstanceOf(CheckpointUnreadable.class)
        .hasMessageContaining("the checkpoint in " + dir.path() + " cannot be read by this build")
        .hasMessageContaining("move " + dir.path() + " away");
  }

  @Test
  @DisplayName("other builds' checkpoints: the newest kept for a rollback, older ones deleted, foreign dirs untouched")
  void olderBuildsAreDeletedTheNewestKept() throws Exception {
    Path older = version("1.0.0-spark3.5.8-aaaaaaaaaaaa", 1_000_000_000_000L);
    Path previous = version("1.0.0-spark3.5.8-bbbbbbbbbbbb", 1_700_000_000_000L);
    Path foreign = Files.createDirectories(temp.resolve("operator-backup"));
    Files.writeString(foreign.resolve("checkpoint-1"), "x");
    CheckpointDir dir = CheckpointDir.open(temp.toString(), "1.1.0-spark3.5.8-cccccccccccc", new Configuration());

    AnalyticsMain.applyRetention(dir, false);

    assertThat(older).doesNotExist();
    assertThat(previous.resolve("checkpoint-1")).exists();
    assertThat(foreign.resolve("checkpoint-1")).exists();
  }

  private Path version(String name, long lastWritten) throws Exception {
    Path d = Files.createDirectories(temp.resolve(name));
    Files.writeString(d.resolve(CheckpointDir.OPTIONS_FILE), "job=authors\n");
    Path cp = Files.writeString(d.resolve("checkpoint-1"), "x");
    assertThat(cp.toFile().setLastModified(lastWritten)).isTrue();
    return d;
  }
}
