package io.jvcstreaming.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A live simulator started again with the same seed serves the same history (the same forum) but publishes new
 * posts under new, higher ids: what a scraper that kept its bookmarks must see to keep counting after
 * {@code ./run.sh --demo}, Ctrl-C, {@code ./run.sh --demo}.
 */
class RestartedLiveIdsIT {

  private static final SimulatorConfig LIVE = SimulatorConfig.defaults().withPort(0).withTopics(30).withSeed(7)
      .withMaxPostsPerTopic(60).withLiveRate(0.001); // live mode; posts come from publishNow only

  @Test
  void sameHistoryNewLiveIds() {
    List<Long> historyA;
    long maxA;
    try (ForumSimulator a = ForumSimulator.start(LIVE)) {
      int history = a.truth().size();
      a.publishNow(200);
      List<TruthPost> truth = a.truth();
      assertThat(truth).hasSize(history + 200);
      historyA = ids(truth.subList(0, history));
      maxA = truth.stream().mapToLong(t -> t.post().id()).max().orElseThrow();
    }
    // the 200-post burst borrowed ids ahead of the clock (at most 40 each): let the clock pass them
    long until = System.currentTimeMillis() + 200 * 40 / 4_100 + 2;
    while (System.currentTimeMillis() <= until) {
      Thread.onSpinWait();
    }
    try (ForumSimulator b = ForumSimulator.start(LIVE)) {
      int history = b.truth().size();
      assertThat(ids(b.truth().subList(0, history))).isEqualTo(historyA);
      b.publishNow(300); // 4 % of live posts open a topic: a few topics are created live
      List<TruthPost> live = b.truth().subList(history, history + 300);
      assertThat(live).allSatisfy(t -> assertThat(t.post().id()).isGreaterThan(maxA));
      assertThat(ids(live)).doesNotHaveDuplicates().isSorted();
      // a topic created live (its id follows the clock too) is served like any other
      long historyTopicMax = b.truth().subList(0, history).stream().mapToLong(t -> t.post().topicId()).max()
          .orElseThrow();
      TruthPost inLiveTopic = live.stream().filter(t -> t.post().topicId() > historyTopicMax).findFirst()
          .orElseThrow(() -> new AssertionError("no topic created among 300 live posts"));
      assertThat(TestHttp.get(inLiveTopic.post().url()).statusCode()).isEqualTo(200);
    }
  }

  private static List<Long> ids(List<TruthPost> posts) {
    return posts.stream().map(t -> t.post().id()).collect(Collectors.toList());
  }
}
