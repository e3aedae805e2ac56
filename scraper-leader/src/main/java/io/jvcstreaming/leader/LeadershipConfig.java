package io.jvcstreaming.leader;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Settings of one leader-election participant.
 *
 * @param namespace     namespace of the Lease (the pod's namespace, from the downward API {@code POD_NAMESPACE})
 * @param leaseName     name of the {@code coordination.k8s.io/v1} Lease, shared by all replicas ({@code JVC_LEASE_NAME})
 * @param identity      unique holder identity, the pod name ({@code POD_NAME})
 * @param leaseDuration how long a lease is valid without renewal: the follower takes over at most this long after
 *                      the leader died ({@code JVC_LEASE_DURATION})
 * @param renewDeadline how long the leader keeps trying to renew before it gives leadership up (&lt; leaseDuration)
 * @param retryPeriod   pause between two acquire/renew attempts (&lt; renewDeadline)
 */
public record LeadershipConfig(String namespace, String leaseName, String identity, Duration leaseDuration,
                               Duration renewDeadline, Duration retryPeriod) {

  private static final Pattern DNS_1123_SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
  /** fabric8's LeaderElector requires renewDeadline &gt; JITTER_FACTOR (1.2) x retryPeriod. */
  private static final double JITTER_FACTOR = 1.2;

  public LeadershipConfig {
    requireText(namespace, "namespace");
    requireText(leaseName, "leaseName");
    requireText(identity, "identity");
    if (leaseName.length() > 253 || !DNS_1123_SUBDOMAIN.matcher(leaseName).matches()) {
      throw new IllegalArgumentException(
          "leaseName must be a DNS-1123 subdomain (lowercase letters, digits, '-', '.'), got '" + leaseName + "'");
    }
    requirePositive(leaseDuration, "leaseDuration");
    requirePositive(renewDeadline, "renewDeadline");
    requirePositive(retryPeriod, "retryPeriod");
    if (renewDeadline.compareTo(leaseDuration) >= 0) {
      throw new IllegalArgumentException("renewDeadline (" + renewDeadline + ") must be shorter than leaseDuration ("
          + leaseDuration + ")");
    }
    if (renewDeadline.toMillis() <= JITTER_FACTOR * retryPeriod.toMillis()) {
      throw new IllegalArgumentException("renewDeadline (" + renewDeadline + ") must be longer than 1.2 x retryPeriod ("
          + retryPeriod + ")");
    }
  }

  /**
   * The client-go proportions (15 s lease, 10 s renew deadline, 2 s retry): renewDeadline = 2/3 of the lease,
   * retryPeriod = 2/15 of it.
   */
  public static LeadershipConfig of(String namespace, String leaseName, String identity, Duration leaseDuration) {
    Objects.requireNonNull(leaseDuration, "leaseDuration");
    return new LeadershipConfig(namespace, leaseName, identity, leaseDuration,
        leaseDuration.multipliedBy(2).dividedBy(3), leaseDuration.multipliedBy(2).dividedBy(15));
  }

  private static void requireText(String value, String key) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(key + " must not be blank");
    }
  }

  private static void requirePositive(Duration value, String key) {
    if (value == null || value.isZero() || value.isNegative()) {
      throw new IllegalArgumentException(key + " must be a positive duration, got " + value);
    }
  }
}
