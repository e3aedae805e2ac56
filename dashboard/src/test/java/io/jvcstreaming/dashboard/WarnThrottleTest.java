package io.jvcstreaming.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WarnThrottleTest {

  @Test
  void firstEventLogsThenOnePerInterval() {
    WarnThrottle throttle = new WarnThrottle(10);
    long[] times = {1_000, 1_001, 1_009, 1_010, 1_011, 1_025, 1_026};
    List<Boolean> logged = new ArrayList<>();
    for (long t : times) {
      logged.add(throttle.shouldLog(t));
    }
    assertThat(logged).containsExactly(true, false, false, true, false, true, false);
  }

  @Test
  void aNegativeNanoTimeStillLogsTheFirstEvent() {
    // System.nanoTime() may be negative: "never logged" must not be encoded as time 0.
    WarnThrottle throttle = new WarnThrottle(10);
    assertThat(throttle.shouldLog(-5_000)).isTrue();
    assertThat(throttle.shouldLog(-4_995)).isFalse();
    assertThat(throttle.shouldLog(-4_990)).isTrue();
  }
}
