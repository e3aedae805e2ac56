package io.jvcstreaming.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.jvcstreaming.dashboard.support.FakeScraper;
import io.jvcstreaming.model.Post;
import io.jvcstreaming.testkit.Await;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The live feed against a stream that greets first (protocol v2): the greeting is skipped, posts come through. */
class PostFeedIT {

  @Test
  void theGreetingIsSkippedAndPostsStillCome() throws Exception {
    Vertx vertx = Vertx.vertx();
    try (FakeScraper scraper = new FakeScraper()) {
      DashboardConfig config = DashboardConfig.load(List.of("--source", "127.0.0.1:" + scraper.port()), Map.of());
      List<JsonObject> seen = new CopyOnWriteArrayList<>();
      PostFeed feed = new PostFeed(vertx, config, new UrlPolicy("https://www.jeuxvideo.com"), seen::add);
      vertx.runOnContext(v -> feed.start());
      scraper.awaitClient(20);
      assertThat(scraper.handshakes()).containsExactly("LIVE");
      scraper.send(new Post(7, 1320000042L, 77300123L, "Le café du matin", "PetitNuage_42",
          Instant.parse("2026-11-25T20:04:33Z"), "Moi !", List.of(), ""));
      Await.within(Duration.ofSeconds(20), () -> !seen.isEmpty());
      assertThat(seen).isNotEmpty();
      assertThat(seen.get(0).getString("author")).isEqualTo("PetitNuage_42");
      assertThat(feed.rejected().isEmpty()).as("the greeting is not a malformed post: " + feed.rejected()).isTrue();
      vertx.runOnContext(v -> feed.stop());
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get();
    }
  }
}
