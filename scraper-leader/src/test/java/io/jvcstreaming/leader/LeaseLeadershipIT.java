package io.jvcstreaming.leader;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Two scraper replicas elect a leader through a Lease on fabric8's CRUD mock API server. */
@EnableKubernetesMockClient(crud = true)
@Timeout(60)
class LeaseLeadershipIT {

  private static final String NS = "jvc-streaming";
  private static final String LEASE = "jvc-streaming-scraper";
  private static final Duration LEASE_DURATION = Duration.ofSeconds(2);

  KubernetesClient client;

  private Participant a;
  private Participant b;

  @AfterEach
  void closeAll() {
    for (Participant p : new Participant[] {a, b}) {
      if (p != null) {
        p.leadership.close();
      }
    }
  }

  @Test
  @DisplayName("two instances: exactly one leads, and the Lease names it as holder")
  void exactlyOneOfTwoLeads() {
    a = Participant.start("scraper-a", client);
    b = Participant.start("scraper-b", client);

    awaitTrue(() -> a.leadership.isLeader() || b.leadership.isLeader(), LEASE_DURATION.multipliedBy(3),
        "one instance leads");
    Participant leader = a.leadership.isLeader() ? a : b;
    Participant follower = leader == a ? b : a;

    // stays stable over several renew periods: no flapping, no second leader
    long until = System.nanoTime() + LEASE_DURATION.multipliedBy(2).toNanos();
    while (System.nanoTime() < until) {
      assertThat(leader.leadership.isLeader()).isTrue();
      assertThat(follower.leadership.isLeader()).isFalse();
      Thread.onSpinWait();
    }
    assertThat(holder()).isEqualTo(leader.identity);
    assertThat(leader.started.get()).isEqualTo(1);
    assertThat(follower.started.get()).isZero();
    awaitTrue(() -> follower.leadership.currentLeader().filter(leader.identity::equals).isPresent(),
        LEASE_DURATION, "the follower knows who leads");
  }

  @Test
  @DisplayName("the leader closes (releases the lease): the follower leads within the lease duration")
  void followerTakesOverAfterRelease() {
    a = Participant.start("scraper-a", client);
    awaitTrue(a.leadership::isLeader, LEASE_DURATION.multipliedBy(3), "a leads");
    b = Participant.start("scraper-b", client);

    a.leadership.close();
    assertThat(a.leadership.isLeader()).isFalse();
    assertThat(a.stopped.get()).isEqualTo(1);

    // a released lease is taken at b's next retry, not after an expiry; the deadline only guards a hang
    awaitTrue(b.leadership::isLeader, LEASE_DURATION.multipliedBy(3), "b leads soon after a released");
    assertThat(holder()).isEqualTo("scraper-b");
    assertThat(b.started.get()).isEqualTo(1);
  }

  @Test
  @DisplayName("the leader dies without releasing: the follower leads once the lease expired")
  void followerTakesOverAfterExpiry() {
    a = Participant.start("scraper-a", client);
    awaitTrue(a.leadership::isLeader, LEASE_DURATION.multipliedBy(3), "a leads");
    b = Participant.start("scraper-b", client);

    a.leadership.abandon();
    assertThat(holder()).as("a crashed leader leaves its name in the Lease").isEqualTo("scraper-a");
    // the lease was renewed moments ago: b must not take it at once (no wall-clock bound here, the mock
    // stores renewTime at one-second granularity and a loaded machine delays everything)
    assertThat(b.leadership.isLeader()).isFalse();

    awaitTrue(b.leadership::isLeader, LEASE_DURATION.multipliedBy(3), "b leads after the lease expired");
    assertThat(holder()).isEqualTo("scraper-b");
    assertThat(b.started.get()).isEqualTo(1);
  }

  @Test
  @DisplayName("a released follower that becomes leader again gets the start callback again")
  void leadershipCanComeBack() {
    a = Participant.start("scraper-a", client);
    awaitTrue(a.leadership::isLeader, LEASE_DURATION.multipliedBy(3), "a leads");
    b = Participant.start("scraper-b", client);
    a.leadership.close();
    awaitTrue(b.leadership::isLeader, LEASE_DURATION, "b leads");
    Participant c = Participant.start("scraper-c", client);
    try {
      b.leadership.close();
      awaitTrue(c.leadership::isLeader, LEASE_DURATION, "c leads");
      assertThat(List.of(a.stopped.get(), b.stopped.get())).containsExactly(1, 1);
    } finally {
      c.leadership.close();
    }
  }

  private String holder() {
    Lease lease = client.leases().inNamespace(NS).withName(LEASE).get();
    return lease == null ? null : lease.getSpec().getHolderIdentity();
  }

  private static void awaitTrue(BooleanSupplier condition, Duration timeout, String what) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + timeout + ": " + what);
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  private record Participant(String identity, LeaseLeadership leadership, AtomicInteger started,
                             AtomicInteger stopped) {
    static Participant start(String identity, KubernetesClient client) {
      AtomicInteger started = new AtomicInteger();
      AtomicInteger stopped = new AtomicInteger();
      LeaseLeadership leadership = LeaseLeadership.start(
          LeadershipConfig.of(NS, LEASE, identity, LEASE_DURATION),
          started::incrementAndGet, stopped::incrementAndGet, client);
      return new Participant(identity, leadership, started, stopped);
    }
  }
}
