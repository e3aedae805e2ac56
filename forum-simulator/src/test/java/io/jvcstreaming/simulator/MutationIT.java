package io.jvcstreaming.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jvcstreaming.model.Post;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** Moderation, faults, control, determinism: each test owns its small simulator. */
class MutationIT {

  private static SimulatorConfig small(long seed) {
    return SimulatorConfig.defaults().withPort(0).withTopics(40).withSeed(seed).withMaxPostsPerTopic(120);
  }

  @Test
  void deletingAMessageShiftsLaterMessagesToEarlierPages() {
    try (ForumSimulator sim = ForumSimulator.start(small(3))) {
      List<TruthPost> truth = sim.truth();
      long topicId = truth.stream().collect(Collectors.groupingBy(t -> t.post().topicId(), Collectors.counting()))
          .entrySet().stream().filter(e -> e.getValue() > 25).findFirst().orElseThrow().getKey();
      List<Post> posts = truth.stream().map(TruthPost::post).filter(p -> p.topicId() == topicId).toList();
      String page1 = posts.get(0).url();
      String page2 = page1.replace("-1-0-1-0-", "-2-0-1-0-");
      Post firstOfPage2 = posts.get(20);
      assertThat(TestHttp.page(page2).selectFirst("div.messageUser").id()).isEqualTo("message-" + firstOfPage2.id());

      sim.deleteMessage(posts.get(3).id());

      Document after = TestHttp.page(page1);
      assertThat(after.select("#message-" + posts.get(3).id())).isEmpty();
      assertThat(after.select("div.messageUser").last().id()).isEqualTo("message-" + firstOfPage2.id());
      assertThat(TestHttp.get(sim.origin() + "/forums/message/" + posts.get(3).id()).statusCode()).isEqualTo(410);
      assertThat(sim.truth().get((int) posts.get(3).seq()).deleted()).isTrue();
      assertThat(sim.truth().get((int) posts.get(4).seq()).deleted()).isFalse();
    }
  }

  @Test
  void deletedTopicAnswers410AndLeavesTheList() {
    try (ForumSimulator sim = ForumSimulator.start(small(4))) {
      Post victim = sim.truth().get(sim.truth().size() - 1).post();
      assertThat(TestHttp.text(TestHttp.get(sim.listUrl()))).contains("topic-" + victim.topicId());
      HttpResponse<byte[]> control = TestHttp.post(sim.origin() + "/_control",
          "{\"deleteTopics\":[" + victim.topicId() + "]}");
      assertThat(control.statusCode()).isEqualTo(200);
      assertThat(TestHttp.get(victim.url()).statusCode()).isEqualTo(410);
      assertThat(TestHttp.get(sim.origin() + "/forums/message/" + victim.id()).statusCode()).isEqualTo(410);
      assertThat(TestHttp.text(TestHttp.get(sim.listUrl()))).doesNotContain("topic-" + victim.topicId());
      assertThat(sim.truth().stream().filter(t -> t.post().topicId() == victim.topicId()))
          .isNotEmpty().allMatch(TruthPost::deleted);
      String truthLines = TestHttp.text(TestHttp.get(sim.origin() + "/_truth"));
      assertThat(truthLines).contains("\"id\":" + victim.id());
      assertThat(truthLines.lines().filter(l -> l.contains("\"id\":" + victim.id() + ",")).findFirst().orElseThrow())
          .endsWith("\"deleted\":true}");
    }
  }

  @Test
  void restoredTopicAnswersAgainAtItsListPositionWithItsPosts() {
    try (ForumSimulator sim = ForumSimulator.start(small(6))) {
      Post victim = sim.truth().get(sim.truth().size() - 1).post();
      Document listBefore = TestHttp.page(sim.listUrl());
      int positionBefore = listBefore.select("li.tablesForum__bodyRow").eachAttr("id").indexOf("topic-" + victim.topicId());
      assertThat(positionBefore).isNotNegative();
      sim.deleteTopic(victim.topicId());
      assertThat(TestHttp.get(victim.url()).statusCode()).isEqualTo(410);

      HttpResponse<byte[]> control = TestHttp.post(sim.origin() + "/_control",
          "{\"restoreTopics\":[" + victim.topicId() + "]}");

      assertThat(control.statusCode()).isEqualTo(200);
      assertThat(TestHttp.get(victim.url()).statusCode()).isEqualTo(200);
      assertThat(TestHttp.get(sim.origin() + "/forums/message/" + victim.id()).statusCode())
          .as("its messages' permalinks redirect to their page again").isEqualTo(302);
      assertThat(TestHttp.page(sim.listUrl()).select("li.tablesForum__bodyRow").eachAttr("id")
          .indexOf("topic-" + victim.topicId())).as("back at its position by last activity").isEqualTo(positionBefore);
      assertThat(sim.truth().stream().filter(t -> t.post().topicId() == victim.topicId()))
          .isNotEmpty().noneMatch(TruthPost::deleted);
      sim.publishNow(200);
      assertThat(sim.truth().stream().skip(sim.truth().size() - 200L)
          .anyMatch(t -> t.post().topicId() == victim.topicId())).as("a restored topic gets replies again").isTrue();
    }
  }

  @Test
  void publishNowBumpsTopicsToTheTopOfTheList() {
    try (ForumSimulator sim = ForumSimulator.start(small(5))) {
      int before = sim.truth().size();
      sim.publishNow(30);
      List<TruthPost> truth = sim.truth();
      assertThat(truth).hasSize(before + 30);
      Post newest = truth.get(truth.size() - 1).post();
      Document list = TestHttp.page(sim.listUrl());
      // Two pinned topics, then the topic of the newest post.
      assertThat(list.select("li.tablesForum__bodyRow").get(2).id()).isEqualTo("topic-" + newest.topicId());
      assertThat(newest.postedAt()).isAfter(truth.get(before - 1).post().postedAt());
    }
  }

  @Test
  void sameSeedSameBytes() {
    try (ForumSimulator a = ForumSimulator.start(small(9)); ForumSimulator b = ForumSimulator.start(small(9))) {
      String pathA = a.truth().get(0).post().url().substring(a.origin().length());
      assertThat(TestHttp.get(a.listUrl()).body()).isEqualTo(TestHttp.get(b.listUrl()).body());
      assertThat(TestHttp.get(a.origin() + pathA).body()).isEqualTo(TestHttp.get(b.origin() + pathA).body());
      a.publishNow(5);
      b.publishNow(5);
      assertThat(TestHttp.get(a.listUrl()).body()).isEqualTo(TestHttp.get(b.listUrl()).body());
      try (ForumSimulator c = ForumSimulator.start(small(10))) {
        assertThat(TestHttp.get(c.listUrl()).body()).isNotEqualTo(TestHttp.get(a.listUrl()).body());
      }
    }
  }

  @Test
  void faultFractionsAreApplied() {
    try (ForumSimulator sim = ForumSimulator.start(small(6))) {
      sim.setFaults(Faults.NONE.withError503(0.25));
      int n503 = 0;
      for (int i = 0; i < 400; i++) {
        HttpResponse<byte[]> r = TestHttp.get(sim.listUrl());
        if (r.statusCode() == 503) {
          n503++;
        } else {
          assertThat(r.statusCode()).isEqualTo(200);
        }
      }
      assertThat(n503).isBetween(60, 140); // 100 expected; ±4 standard deviations

      TestHttp.post(sim.origin() + "/_control", "{\"error503\":0,\"challenge\":1}");
      HttpResponse<byte[]> challenge = TestHttp.get(sim.listUrl());
      assertThat(challenge.statusCode()).isEqualTo(403);
      assertThat(challenge.headers().firstValue("cf-mitigated")).hasValue("challenge");
      assertThat(TestHttp.text(challenge)).doesNotContain("tablesForum").doesNotContain("listMessages");

      sim.setFaults(Faults.NONE.withTooMany(1));
      assertThat(TestHttp.get(sim.listUrl()).statusCode()).isEqualTo(429);

      sim.setFaults(Faults.NONE.withDrop(1));
      assertThatThrownBy(() -> TestHttp.get(sim.listUrl())).hasRootCauseInstanceOf(java.io.IOException.class);

      sim.setFaults(Faults.NONE.withMalformed(1));
      HttpResponse<byte[]> cut = TestHttp.get(sim.listUrl());
      assertThat(cut.statusCode()).isEqualTo(200);
      assertThat(TestHttp.text(cut)).doesNotContain("</html>");
      assertThat(cut.headers().firstValue("ETag")).isEmpty();

      sim.setFaults(Faults.NONE);
      assertThat(TestHttp.text(TestHttp.get(sim.listUrl()))).endsWith("</html>\n");
      assertThat(TestHttp.get(sim.origin() + "/_stats").statusCode()).isEqualTo(200);
      Map<String, Long> stats = sim.requestStats();
      assertThat(stats.get("503")).isEqualTo(n503);
      assertThat(stats.get("dropped")).isGreaterThanOrEqualTo(1); // the JDK client retries an idempotent GET once

      assertThat(TestHttp.post(sim.origin() + "/_control", "{\"drop\":2}").statusCode()).isEqualTo(400);
      assertThat(TestHttp.post(sim.origin() + "/_control", "{\"latencyMs\":5,\"latencyJitterMs\":5}").statusCode())
          .isEqualTo(200);
      assertThat(sim.faults().latencyMs()).isEqualTo(5);
      assertThat(TestHttp.get(sim.listUrl()).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void liveModePublishesAtRoughlyTheRateAndBumpsTopics() throws InterruptedException {
    double rate = 40;
    try (ForumSimulator sim = ForumSimulator.start(small(7).withLiveRate(rate))) {
      int initial = sim.truth().size();
      long start = System.nanoTime();
      long deadline = start + 15_000_000_000L;
      Awaitility.await("80 posts published").atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(20))
          .until(() -> sim.truth().size() >= initial + 80);
      int published = sim.truth().size() - initial;
      double elapsed = (System.nanoTime() - start) / 1e9;
      assertThat(published).isGreaterThanOrEqualTo(80);
      // Never ahead of the schedule (one tick of slack), and not far behind it.
      assertThat(published).isLessThanOrEqualTo((int) (rate * (elapsed + 1)) + 2);
      assertThat(published).isGreaterThanOrEqualTo((int) (rate * elapsed * 0.3));

      Post newest = null;
      boolean seenOnPage1 = false;
      while (!seenOnPage1 && System.nanoTime() < deadline + 10_000_000_000L) {
        List<TruthPost> truth = sim.truth();
        newest = truth.get(truth.size() - 1).post();
        String html = TestHttp.text(TestHttp.get(sim.listUrl()));
        seenOnPage1 = html.contains("topic-" + newest.topicId()) || truth.get(truth.size() - 1).deleted();
      }
      assertThat(seenOnPage1).as("topic of %s on list page 1", newest).isTrue();
      String[] lines = TestHttp.text(TestHttp.get(sim.origin() + "/_truth")).split("\n");
      assertThat(lines.length).isGreaterThanOrEqualTo(initial + published);
      assertThat(Arrays.stream(lines).skip(initial).allMatch(l -> !l.contains("\"publishedAtMillis\":0,"))).isTrue();
    }
  }
}
