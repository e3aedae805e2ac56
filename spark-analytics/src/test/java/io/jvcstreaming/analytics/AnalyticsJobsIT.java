package io.jvcstreaming.analytics;

import io.jvcstreaming.analytics.testing.TestPosts;
import io.jvcstreaming.testkit.Await;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code --job all} in Spark local mode over a real socket: every job's counts equal the independent counts. */
class AnalyticsJobsIT extends SparkITBase {

  // a deadline, not a duration: on a loaded 2-core box a batch of --job all can take longer than its interval and
  // batches queue up; the wait ends as soon as the counts are there
  private static final Duration WAIT = Duration.ofSeconds(120);
  private static final List<String> JOBS = List.of("stickers", "authors", "words", "pseudo", "topics");

  @Test
  @DisplayName("every job's counts equal the test's own counts after each of several waves, trending lists follow the window")
  void everyJobCountsExactlyAcrossBatches() throws Exception {
    TestPosts posts = new TestPosts(42);
    // 1.5 s batches (the 3 s window is two of them): the output operations of --job all take about 1 s per batch on
    // a busy 2-core machine, so a shorter interval only queues batches up
    start(config("--job", "all", "--pseudo", TestPosts.PSEUDOS, "--batch", "1500ms", "--wal", "false"));

    for (int wave = 1; wave <= 3; wave++) {
      // several batches per wave: posts arrive in slices
      for (int slice = 0; slice < 4; slice++) {
        int reportsBefore = reports.received();
        server.append(posts.next(150));
        // the next slice goes after a batch has been reported, so the counts build up over several batches
        assertThat(Await.within(WAIT, () -> reports.received() > reportsBefore)).as("a batch reported").isTrue();
      }
      for (String job : JOBS) {
        Map<String, Long> expected = posts.expected(job);
        Map<String, Long> counts = reports.awaitCounts(job, expected::equals, WAIT);
        assertThat(counts).as("%s after wave %d", job, wave).isEqualTo(expected);
      }
      assertThat(reports.latest("stickers").get("totalPosts").asLong()).isEqualTo(posts.posts());
    }

    // the pseudo report carries the matched posts in full
    assertThat(reports.received()).isPositive();
    assertThat(reports.contentType("authors")).startsWith("application/json");
    // labels: sticker identifier, topic title
    assertThat(reports.latest("stickers").get("top").findValuesAsText("label"))
        .contains("1764100000-chat-content", "1kki");
    assertThat(reports.latest("topics").get("top").findValuesAsText("label")).contains("Le café du matin");

    // trending: within the window the windowed counts cover the last posts, then they expire
    for (String job : List.of("stickers", "authors", "words")) {
      Map<String, Long> emptied = reports.awaitCounts(job + "-trending", Map::isEmpty, WAIT);
      assertThat(emptied).as("%s-trending after the window passed without posts", job).isEmpty();
    }
    TestPosts fresh = new TestPosts(7);
    fresh.next(0);
    List<io.jvcstreaming.model.Post> burst = new java.util.ArrayList<>();
    for (io.jvcstreaming.model.Post p : fresh.next(200)) {
      // later ids too: the receiver drops a post whose id is not above its topic's high-water mark (replayed);
      // the server numbers the seqs itself, after everything it already sent
      burst.add(new io.jvcstreaming.model.Post(p.seq(), p.id() + 1_000_000, p.topicId(), p.topic(), p.author(),
          p.postedAt(), p.text(), p.stickers(), p.url()));
    }
    server.append(burst);
    for (String job : List.of("stickers", "authors", "words")) {
      // keys seen fewer than 3 times in the window are not listed (the floor of Rise)
      Map<String, Long> expected = new java.util.HashMap<>(fresh.expected(job));
      expected.values().removeIf(n -> n < 3);
      assertThat(expected).as("%s: the burst lists some keys", job).isNotEmpty();
      Map<String, Long> counts = reports.awaitCounts(job + "-trending", expected::equals, WAIT);
      assertThat(counts).as("%s-trending holds exactly the burst's keys seen 3 times or more", job)
          .isEqualTo(expected);
    }
  }
}
