package io.jvcstreaming.leader;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseSpec;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.jvcstreaming.testkit.Await;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Replicas elect a leader through a Lease on fabric8's CRUD mock API server.
 *
 * <p>Free of timing assumptions: every step waits for a condition (with only a hang guard as deadline), no test
 * asserts that something has not happened yet, and none measures how long anything took. Where a test needs
 * leadership to stay put, the lease is long (30 s, renew deadline 20 s) while retries are short, so only a stall
 * of many seconds could move it; only the expiry test uses a short lease, and there the old leader is gone.
 */
@EnableKubernetesMockClient(crud = true)
@Timeout(240)
class LeaseLeadershipIT {

  static final String NS = Leases.NS;
  static final String LEASE = Leases.LEASE;
  /** Stays with its holder unless released or taken; a released lease is taken at the next 250 ms retry. */
  static final Duration STABLE_LEASE = Duration.ofSeconds(30);
  static final Duration STABLE_RENEW_DEADLINE = Duration.ofSeconds(20);
  static final Duration RETRY = Duration.ofMillis(250);
  /** For the expiry test: short enough that waiting for it is cheap. */
  static final Duration SHORT_LEASE = Duration.ofSeconds(2);

  KubernetesClient client;

  private final List<Participant> participants = new ArrayList<>();

  @AfterEach
  void closeAll() {
    participants.forEach(p -> p.leadership.close());
  }

  @Test
  @DisplayName("two instances: exactly one leads, the Lease names it, the other knows it")
  void exactlyOneOfTwoLeads() {
    Participant a = stable("scraper-a");
    Participant b = stable("scraper-b");

    // One consistent picture, read in one go: one leader, named by the Lease and by the follower.
    Await.until("one leads, the Lease and the other agree", () -> agreeOnLeader(a, b) || agreeOnLeader(b, a));
    Participant leader = a.leadership.isLeader() ? a : b;
    Participant follower = leader == a ? b : a;
    assertThat(leader.started.get()).isEqualTo(1);
    assertThat(follower.started.get()).isZero();
    assertThat(List.of(a.lost.get(), b.lost.get())).containsExactly(0, 0);
  }

  @Test
  @DisplayName("the leader closes: the Lease is released at once and the follower takes it; close is not a loss")
  void followerTakesOverAfterRelease() {
    Participant a = stable("scraper-a");
    Await.until("a leads", a.leadership::isLeader);
    Participant b = stable("scraper-b");

    a.leadership.close();
    assertThat(a.leadership.isLeader()).isFalse();
    // close() released the Lease before returning: whatever b did since, a is no longer named.
    assertThat(holder()).as("holder right after a closed").isNotEqualTo("scraper-a");
    assertThat(a.lost.get()).as("closing is not losing: no lost-lease callback").isZero();

    Await.until("b leads after a released", b.leadership::isLeader);
    assertThat(holder()).isEqualTo("scraper-b");
    assertThat(b.started.get()).isEqualTo(1);
  }

  @Test
  @DisplayName("the leader dies without releasing: the follower leads once the lease expired, not before")
  void followerTakesOverAfterExpiry() {
    Participant a = start("scraper-a", LeadershipConfig.of(NS, LEASE, "scraper-a", SHORT_LEASE));
    Await.until("a leads", a.leadership::isLeader);
    a.leadership.abandon();
    // Nobody else contends yet, and abandon() does not release: the Lease still names a.
    Lease abandoned = lease();
    assertThat(abandoned.getSpec().getHolderIdentity()).as("a crashed leader leaves its name").isEqualTo("scraper-a");
    ZonedDateTime lastRenewal = abandoned.getSpec().getRenewTime();

    Participant b = start("scraper-b", LeadershipConfig.of(NS, LEASE, "scraper-b", SHORT_LEASE));
    Await.until("b leads after the lease expired", b.leadership::isLeader);
    Lease taken = lease();
    assertThat(taken.getSpec().getHolderIdentity()).isEqualTo("scraper-b");
    assertThat(taken.getSpec().getLeaseTransitions()).isEqualTo(abandoned.getSpec().getLeaseTransitions() + 1);
    // Both times come from the Lease (the clock fabric8 decides with), not from this test's stopwatch: b
    // acquired only after a's last renewal plus the lease duration (less 1 s: the stored times may be
    // truncated to whole seconds).
    assertThat(taken.getSpec().getAcquireTime())
        .isAfterOrEqualTo(lastRenewal.plus(SHORT_LEASE).minusSeconds(1));
    assertThat(b.started.get()).isEqualTo(1);
  }

  @Test
  @DisplayName("a leader whose Lease is taken reports the loss once, and leads again when the Lease is free")
  void lostLeadershipIsReportedAndCanComeBack() {
    Participant a = stable("scraper-a");
    Await.until("a leads", a.leadership::isLeader);

    // Someone else holds the Lease now, for an hour (what a split brain or a manual takeover looks like).
    editLease(spec -> {
      spec.setHolderIdentity("intruder");
      spec.setRenewTime(ZonedDateTime.now());
      spec.setLeaseDurationSeconds(3600);
    });
    Await.until("a reports the loss", () -> a.lost.get() == 1 && !a.leadership.isLeader());
    Await.until("a sees the intruder", () -> a.leadership.currentLeader().filter("intruder"::equals).isPresent());
    assertThat(holder()).isEqualTo("intruder");

    // The intruder lets go: a, still contending, takes the Lease back and gets the start callback again.
    editLease(spec -> {
      spec.setHolderIdentity(null);
      spec.setLeaseDurationSeconds(1);
    });
    Await.until("a leads again", a.leadership::isLeader);
    assertThat(holder()).isEqualTo("scraper-a");
    assertThat(a.started.get()).isEqualTo(2);
    assertThat(a.lost.get()).isEqualTo(1);
  }

  @Test
  @DisplayName("a chain of releases: each next participant leads, and nobody reports a loss")
  void leadershipPassesAlongAChainOfReleases() {
    Participant a = stable("scraper-a");
    Await.until("a leads", a.leadership::isLeader);
    Participant b = stable("scraper-b");
    a.leadership.close();
    Await.until("b leads", b.leadership::isLeader);
    Participant c = stable("scraper-c");
    b.leadership.close();
    Await.until("c leads", c.leadership::isLeader);
    assertThat(holder()).isEqualTo("scraper-c");
    assertThat(List.of(a.lost.get(), b.lost.get(), c.lost.get())).containsExactly(0, 0, 0);
    assertThat(List.of(a.started.get(), b.started.get(), c.started.get())).containsExactly(1, 1, 1);
  }

  private boolean agreeOnLeader(Participant leader, Participant follower) {
    return leader.leadership.isLeader() && !follower.leadership.isLeader()
        && leader.identity.equals(holder())
        && follower.leadership.currentLeader().filter(leader.identity::equals).isPresent();
  }

  private Lease lease() {
    return Leases.get(client);
  }

  private String holder() {
    return Leases.holder(client);
  }

  private void editLease(Consumer<LeaseSpec> change) {
    Leases.edit(client, change);
  }

  private Participant stable(String identity) {
    return start(identity, new LeadershipConfig(NS, LEASE, identity, STABLE_LEASE, STABLE_RENEW_DEADLINE, RETRY));
  }

  private Participant start(String identity, LeadershipConfig cfg) {
    AtomicInteger started = new AtomicInteger();
    AtomicInteger lost = new AtomicInteger();
    LeaseLeadership leadership = LeaseLeadership.start(cfg, started::incrementAndGet, lost::incrementAndGet, client);
    Participant p = new Participant(identity, leadership, started, lost);
    participants.add(p);
    return p;
  }

  private record Participant(String identity, LeaseLeadership leadership, AtomicInteger started, AtomicInteger lost) {
  }
}
