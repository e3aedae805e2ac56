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
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The trending list ranks by rise (Rise): in Spark local mode, over a real socket, with the all-time state. */
class TrendingRiseIT extends SparkITBase {

  private static final Duration WAIT = Duration.ofSeconds(40);
  private long id = 1_500_000_000L;

  @Test
  @DisplayName("a newcomer with few posts tops trending while the all-time top, with more recent posts, does not")
  void risingKeyRanksFirstInTrending() throws Exception {
    start(config("--job", "authors", "--batch", "500ms", "--window", "3s", "--wal", "false"));

    // History: a favourite and a regular, long enough ago to leave the window.
    List<Post> history = new ArrayList<>();
    history.addAll(posts("Favori", 80));
    history.addAll(posts("Habitue", 10));
    server.append(history);
    assertThat(reports.awaitCounts("authors", c -> Long.valueOf(80).equals(c.get("Favori"))
        && Long.valueOf(10).equals(c.get("Habitue")), WAIT)).containsEntry("Favori", 80L);
    assertThat(reports.awaitCounts("authors-trending", Map::isEmpty, WAIT)).as("the window emptied").isEmpty();

    // Now: the favourite keeps posting (most posts within the window), a newcomer arrives, someone posts twice.
    List<Post> now = new ArrayList<>();
    now.addAll(posts("Favori", 9));
    now.addAll(posts("Nouveau", 6));
    now.addAll(posts("Habitue", 4));
    now.addAll(posts("Deux_fois", 2));
    server.append(now);

    Map<String, Long> trending = reports.awaitCounts("authors-trending",
        c -> c.size() == 3 && Long.valueOf(9).equals(c.get("Favori")) && Long.valueOf(6).equals(c.get("Nouveau"))
            && Long.valueOf(4).equals(c.get("Habitue")), WAIT);
    assertThat(trending).as("window counts, under the floor left out")
        .isEqualTo(Map.of("Favori", 9L, "Nouveau", 6L, "Habitue", 4L));
    JsonNode top = reports.latest("authors-trending").get("top");
    assertThat(keys(top)).as("ranked by rise, not by the window's count").containsExactly("Nouveau", "Habitue", "Favori");
    assertThat(top.get(0).get("score").asDouble()).isCloseTo(6.0 / 11, org.assertj.core.api.Assertions.within(1e-4));
    assertThat(top.get(2).get("score").asDouble()).isCloseTo(9.0 / 94, org.assertj.core.api.Assertions.within(1e-4));

    Await.until(WAIT, "the all-time count caught up",
        () -> Long.valueOf(89).equals(reports.counts("authors").get("Favori")));
    JsonNode allTime = reports.latest("authors").get("top");
    assertThat(keys(allTime).get(0)).as("the all-time top is another list").isEqualTo("Favori");
    assertThat(allTime.get(0).has("score")).isFalse();
  }

  private List<Post> posts(String author, int n) {
    List<Post> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      id++;
      out.add(new Post(0, id, 77300123L, "Le café du matin", author, Instant.parse("2026-11-25T21:04:33Z"),
          "message " + id, List.of(), "https://www.jeuxvideo.com/forums/42-51-77300123-1-0-1-0-le-cafe.htm"));
    }
    return out;
  }

  private static List<String> keys(JsonNode top) {
    List<String> keys = new ArrayList<>();
    top.forEach(row -> keys.add(row.get("key").asText()));
    return keys;
  }
}
