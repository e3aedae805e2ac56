package io.jvcstreaming.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.jvcstreaming.e2e.support.Env;
import io.jvcstreaming.e2e.support.LogTails;
import io.jvcstreaming.e2e.support.Scraper;
import io.jvcstreaming.e2e.support.SparkJob;
import io.jvcstreaming.e2e.support.SparkReport;
import io.jvcstreaming.e2e.support.Stack;
import io.jvcstreaming.model.Post;
import io.jvcstreaming.simulator.Faults;
import io.jvcstreaming.simulator.TruthPost;
import io.jvcstreaming.testkit.Await;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Latency benchmark (not a test of time): from a post's publication in the simulator ({@code publishedAtMillis})
 * to (a) its line arriving at a stream client and (b) the first {@code authors} report of the Spark job whose
 * total covers it (the time the test read that line). Baseline stack, live posting for {@code -Dbench.seconds}
 * (60 by default); only posts published after Spark's first non-empty report + 3 s are measured. Prints one line:
 * <pre>LATENCY ...</pre>
 * Run: {@code ./mvnw -B -o -f e2e-tests/pom.xml verify -De2e.groups=benchmark} (also written to
 * {@code target/e2e-logs/latency.txt}).
 */
@Tag("benchmark")
@ExtendWith(LogTails.class)
class LatencyBenchmarkIT {

  private Stack stack;

  @BeforeEach
  void setUp(TestInfo info) {
    stack = new Stack(Env.logRoot().resolve(getClass().getSimpleName()).resolve(info.getTestMethod().orElseThrow().getName()));
  }

  @AfterEach
  void tearDown() {
    stack.close();
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.MINUTES)
  void publicationToStreamAndToSpark() throws Exception {
    long seconds = Long.getLong("bench.seconds", 60);
    stack.startSimulator(700, Faults.NONE);
    stack.startRedis();
    Scraper scraper = stack.startScraper();
    stack.startClient();
    stack.startSpark(scraper.streamAddress());
    long from = System.currentTimeMillis() + 3_000;
    Await.sleep(3_000 + seconds * 1_000);
    long to = System.currentTimeMillis();
    stack.verify(Duration.ofSeconds(90)); // the figures only count if nothing was lost or doubled

    List<Post> posts = stack.client().posts();
    List<Long> arrivals = stack.client().arrivals();
    Map<Long, Long> publishedAt = new HashMap<>();
    for (TruthPost t : stack.simulator().truth()) {
      publishedAt.put(t.post().id(), t.publishedAtMillis());
    }
    List<SparkReport> authors = stack.spark().reports().stream().filter(r -> r.job().equals("authors")).toList();
    List<Long> toStream = new ArrayList<>();
    List<Long> toSpark = new ArrayList<>();
    int report = 0;
    for (int i = 0; i < posts.size(); i++) {
      long published = publishedAt.get(posts.get(i).id());
      if (published < from || published > to) {
        continue;
      }
      toStream.add(arrivals.get(i) - published);
      while (report < authors.size() && authors.get(report).totalPosts() <= i) {
        report++;
      }
      if (report < authors.size()) {
        toSpark.add(authors.get(report).printedAtMillis() - published);
      }
    }
    assertThat(toStream).as("live posts measured").hasSizeGreaterThan(100);
    assertThat(toSpark).as("live posts measured in Spark").hasSizeGreaterThan(100);
    String line = String.format("LATENCY publication->stream p50=%d ms p99=%d ms (n=%d) | publication->Spark authors"
            + " report p50=%d ms p99=%d ms (n=%d) | %d s live, 15 posts/s, scraper refresh %s, Spark batch %s",
        pct(toStream, 50), pct(toStream, 99), toStream.size(), pct(toSpark, 50), pct(toSpark, 99), toSpark.size(),
        seconds, Scraper.REFRESH, SparkJob.BATCH);
    System.out.println(line);
    Files.writeString(Env.logRoot().resolve("latency.txt"), line + System.lineSeparator(), StandardCharsets.UTF_8);
  }

  private static long pct(List<Long> values, int p) {
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int idx = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(idx, sorted.size() - 1)));
  }
}
