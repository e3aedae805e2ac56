package io.jvcstreaming.retry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.RepeatedTest;

class BackoffTest {

  @RepeatedTest(20)
  void growsExponentiallyWithJitterUpToTheCapAndResets() {
    Backoff b = new Backoff(100, 1_000);
    long[] ceilings = {100, 200, 400, 800, 1_000, 1_000};
    for (long ceiling : ceilings) {
      assertThat(b.nextDelayMillis()).isBetween(ceiling / 2, ceiling);
    }
    b.reset();
    assertThat(b.nextDelayMillis()).isBetween(50L, 100L);
  }

  @RepeatedTest(20)
  void statelessDelayMatchesTheNthFailure() {
    assertThat(Backoff.delayMillis(100, 1_000, 1)).isBetween(50L, 100L);
    assertThat(Backoff.delayMillis(100, 1_000, 3)).isBetween(200L, 400L);
    assertThat(Backoff.delayMillis(100, 1_000, 40)).isBetween(500L, 1_000L);
  }
}
