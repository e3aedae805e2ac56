package io.jvcstreaming.scraper.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class FetchQueueTest {

  private static TopicWork work(long id, int lastPage) {
    return new TopicWork(id, "http://f/forums/42-51-" + id + "-1-0-1-0-t.htm", lastPage, "t" + id);
  }

  @Test
  void neverHoldsTheSameTopicTwiceAndKeepsItsPlaceWithTheNewestDescription() {
    FetchQueue q = new FetchQueue(10);
    q.offer(work(1, 1));
    q.offer(work(2, 1));
    q.offer(work(1, 3));
    assertThat(q.size()).isEqualTo(2);
    assertThat(q.poll()).isEqualTo(work(1, 3));
    assertThat(q.poll()).isEqualTo(work(2, 1));
    assertThat(q.poll()).isNull();
  }

  @Test
  void aChangeSeenWhileInFlightIsQueuedAgainWhenTheFetchEnds() {
    FetchQueue q = new FetchQueue(10);
    q.offer(work(1, 1));
    TopicWork taken = q.poll();
    assertThat(q.inFlight()).isEqualTo(1);
    q.offer(work(1, 2));
    assertThat(q.size()).as("not fetched twice at once").isZero();
    q.done(taken.topicId());
    assertThat(q.inFlight()).isZero();
    assertThat(q.poll()).isEqualTo(work(1, 2));
  }

  @Test
  void boundedCapacityRefusesNewTopicsButStillUpdatesKnownOnes() {
    FetchQueue q = new FetchQueue(2);
    assertThat(q.offer(work(1, 1))).isTrue();
    assertThat(q.offer(work(2, 1))).isTrue();
    assertThat(q.offer(work(3, 1))).isFalse();
    assertThat(q.offer(work(2, 5))).isTrue();
    assertThat(q.size()).isEqualTo(2);
  }

  @Test
  void listenersHearEveryAcceptedOffer() {
    FetchQueue q = new FetchQueue(1);
    int[] calls = {0};
    q.onOffer(() -> calls[0]++);
    q.offer(work(1, 1));
    q.offer(work(2, 1));
    assertThat(calls[0]).isEqualTo(1);
  }

  @Test
  @DisplayName("a retry that finds the queue full is parked, never dropped, and queued when a place frees up")
  void aRetryIntoAFullQueueIsParkedNotLost() {
    FetchQueue q = new FetchQueue(2);
    q.offer(work(1, 1));
    q.offer(work(2, 1));
    assertThat(q.offerRetry(work(9, 3))).as("queued now").isFalse();
    assertThat(q.parked()).isEqualTo(1);
    assertThat(q.offerRetry(work(9, 4))).isFalse();
    assertThat(q.parked()).as("one topic, parked once").isEqualTo(1);

    List<TopicWork> fetched = new ArrayList<>();
    TopicWork next;
    while ((next = q.poll()) != null) {
      fetched.add(next);
      q.done(next.topicId());
    }
    assertThat(fetched).containsExactly(work(1, 1), work(2, 1), work(9, 4));
    assertThat(q.parked()).isZero();
  }

  @Test
  void aParkedRetryOfATopicInFlightIsFetchedAgainAfterThatFetch() {
    FetchQueue q = new FetchQueue(1);
    q.offer(work(1, 1));
    TopicWork first = q.poll();
    q.offer(work(2, 1));
    assertThat(q.offerRetry(work(3, 1))).isFalse();
    assertThat(q.poll()).isEqualTo(work(2, 1)); // frees the place the parked retry takes
    assertThat(q.size()).isEqualTo(1);
    q.done(first.topicId());
    q.done(2);
    assertThat(q.poll()).isEqualTo(work(3, 1));
    assertThat(q.poll()).isNull();
  }

  @Test
  void aRetryWithRoomIsQueuedAtOnce() {
    FetchQueue q = new FetchQueue(2);
    assertThat(q.offerRetry(work(1, 1))).isTrue();
    assertThat(q.parked()).isZero();
    assertThat(q.poll()).isEqualTo(work(1, 1));
  }
}
