package io.jvcstreaming.leader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LeadershipConfigTest {

  @Test
  void ofUsesTheClientGoProportions() {
    LeadershipConfig cfg = LeadershipConfig.of("ns", "jvc-scraper", "pod-0", Duration.ofSeconds(15));
    assertThat(cfg.renewDeadline()).isEqualTo(Duration.ofSeconds(10));
    assertThat(cfg.retryPeriod()).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void rejectsRenewDeadlineNotShorterThanLease() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new LeadershipConfig("ns", "l", "p", Duration.ofSeconds(5), Duration.ofSeconds(5),
            Duration.ofSeconds(1)))
        .withMessageContaining("renewDeadline");
  }

  @Test
  void rejectsRetryTooCloseToRenewDeadline() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new LeadershipConfig("ns", "l", "p", Duration.ofSeconds(15), Duration.ofSeconds(2),
            Duration.ofSeconds(2)))
        .withMessageContaining("retryPeriod");
  }

  @Test
  void rejectsBlankIdentityAndBadLeaseName() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> LeadershipConfig.of("ns", "lease", " ", Duration.ofSeconds(15)))
        .withMessageContaining("identity");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> LeadershipConfig.of("ns", "Bad_Name", "p", Duration.ofSeconds(15)))
        .withMessageContaining("leaseName");
  }
}
