package io.jvcstreaming.analytics;

import io.jvcstreaming.analytics.config.JobConfig;
import io.jvcstreaming.analytics.testing.TestPosts;
import io.jvcstreaming.testkit.Await;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

/** A stopped driver started again from its checkpoint continues its counts (JavaStreamingContext.getOrCreate). */
class DriverRestartIT extends SparkITBase {

  private static final Duration WAIT = Duration.ofSeconds(40);

  @Test
  @DisplayName("stop the context, start again from the checkpoint: counts continue, nothing lost or doubled")
  void countsContinueAfterRestartFromCheckpoint() throws Exception {
    TestPosts posts = new TestPosts(3);
    JobConfig config = config("--job", "authors");
    start(config);
    server.append(posts.next(400));
    Map<String, Long> first = reports.awaitCounts("authors", posts.authors()::equals, WAIT);
    assertThat(first).isEqualTo(posts.authors());
    // let a few batches (and their checkpoints) pass, then stop the driver
    int reportsNow = reports.received();
    assertThat(Await.within(WAIT, () -> reports.received() >= reportsNow + 3)).as("three more batches").isTrue();
    stopContext(true);
    assertThat(checkpointWritten()).isTrue();

    server.append(posts.next(300)); // posted while the driver is down
    long resumesBefore = server.resumes().size();
    start(config); // recovered from the checkpoint, not built anew
    server.append(posts.next(300));

    Map<String, Long> counts = reports.awaitCounts("authors", posts.authors()::equals, WAIT);
    assertThat(counts).isEqualTo(posts.authors());
    assertThat(reports.latest("authors").get("totalPosts").asLong()).isEqualTo(1_000);
    // the new receiver resumed from its bookmark (the last stored seq), not from the beginning
    assertThat(server.resumeSeqs().subList((int) resumesBefore, server.resumes().size())).first().isEqualTo(399L);
    assertThat(server.resumes()).allMatch(r -> r.streamId().equals(server.streamId()));
    assertThat(server.answers()).allMatch(a -> a.startsWith("# OK resume"));
  }
}
