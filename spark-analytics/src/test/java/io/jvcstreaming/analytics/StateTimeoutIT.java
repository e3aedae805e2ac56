package io.jvcstreaming.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jvcstreaming.model.Post;
import io.jvcstreaming.testkit.Await;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@code --state-idle-timeout}: a key unseen for longer leaves the all-time count, an active key keeps its count, and a
 * key in the current top is kept however long it is idle. Local mode, 500 ms batches, an 8 s timeout.
 *
 * <p>The timeout counts in batch time, and batches are generated on time even while processing lags far behind (a
 * loaded build box): so the keys meant to stay are fed on the test's clock while it waits (a post every
 * {@value #FEED_EVERY_MS} ms lands in every batch generated meanwhile, whatever the lag), never paced by the
 * reports, and every check is on counts and key numbers.
 */
class StateTimeoutIT extends SparkITBase {

  private static final Duration WAIT = Duration.ofSeconds(120);
  private static final long FEED_EVERY_MS = 1_000;
  private final AtomicLong seq = new AtomicLong();
  private long big;
  private long active;
  private long lastFeed;

  @Test
  @DisplayName("an idle key expires (a later post counts from 1), an active key keeps its count, the top key is kept")
  void idleKeysExpireActiveAndTopKeysStay() throws Exception {
    start(config("--job", "authors", "--top", "1", "--state-idle-timeout", "8s"));
    // Big is fed until it is reported on top: from then on the top list keeps it alive, with no gap in between
    assertThat(feedingUntil(() -> {
      feed("Big");
      return reports.counts("authors").containsKey("Big");
    })).as("Big on top; latest %s", reports.latest("authors")).isTrue();
    // far ahead of what Active gets meanwhile (a post a second), so Big stays the top key
    server.append(posts("Big", 1_000));
    big += 1_000;
    long bigCount = big;
    assertThat(reports.awaitCounts("authors", Map.of("Big", bigCount)::equals, WAIT)).isEqualTo(Map.of("Big", bigCount));
    server.append(posts("Idle", 1));
    assertThat(feedingUntil(() -> {
      feed("Active");
      return keys() == 3;
    })).as("Big, Idle and Active counted; latest %s", reports.latest("authors")).isTrue();
    // Active seen all along; Idle seen once: it leaves the state (at a state checkpoint past its timeout)
    assertThat(feedingUntil(() -> {
      feed("Active");
      return keys() == 2;
    })).as("a key expired; latest %s", reports.latest("authors")).isTrue();
    // Big, idle since then but on top, is still counted in full
    assertThat(reports.counts("authors")).isEqualTo(Map.of("Big", bigCount));

    // the expired key was Idle: its next posts count from zero (5000, not 5001)
    server.append(posts("Idle", 5_000));
    Map<String, Long> idle = Map.of("Idle", 5_000L);
    assertThat(feedingUntil(() -> {
      feed("Active");
      return reports.counts("authors").equals(idle);
    })).as("Idle counted afresh; latest %s", reports.latest("authors")).isTrue();
    // Active, outside the top but seen all along, kept every post
    server.append(posts("Active", 10_000));
    Map<String, Long> all = Map.of("Active", active + 10_000);
    assertThat(reports.awaitCounts("authors", all::equals, WAIT)).isEqualTo(all);
  }

  private boolean feedingUntil(BooleanSupplier condition) {
    lastFeed = 0;
    return Await.within(WAIT, condition);
  }

  /** One post of {@code author} when the last one is {@value #FEED_EVERY_MS} ms old (the test's clock). */
  private void feed(String author) {
    long now = System.nanoTime() / 1_000_000;
    if (now - lastFeed < FEED_EVERY_MS) {
      return;
    }
    lastFeed = now;
    server.append(posts(author, 1));
    if (author.equals("Big")) {
      big++;
    } else {
      active++;
    }
  }

  private long keys() {
    JsonNode latest = reports.latest("authors");
    return latest == null || !latest.has("keys") ? -1 : latest.get("keys").asLong();
  }

  private List<Post> posts(String author, int n) {
    List<Post> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      long s = seq.getAndIncrement();
      out.add(new Post(s, 1_500_000_000L + s, 77300123L, "Le café du matin", author,
          Instant.parse("2026-11-25T20:00:00Z").plusSeconds(s), "Bonjour", List.of(),
          "https://www.jeuxvideo.com/forums/42-51-77300123-1-0-1-0-t.htm"));
    }
    return out;
  }
}
