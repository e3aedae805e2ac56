package io.jvcstreaming.leader;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfig;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfigBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElector;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import io.jvcstreaming.retry.Backoff;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes part in a Kubernetes Lease election until closed.
 *
 * <p>Exactly one participant per Lease leads at a time. {@code onStartedLeading} runs when this instance becomes the
 * leader and {@code onLostLeadership} when it loses leadership while still contending (another holder took the
 * Lease, or the renew deadline passed). Both run on an internal thread and must not block for long: hand the work
 * to your own event loop, and never call {@code System.exit} from them (the exit would wait for the shutdown
 * hooks, and a hook that closes this instance waits for that thread; {@link ProcessLeadership} does it right).
 * After losing the lease the instance keeps contending, so a participant that lost leadership can lead again.
 *
 * <p>{@link #close()} releases the lease if held (the Lease's holder is cleared, so a follower takes over at its
 * next retry instead of waiting for expiry) and stops contending. Closing is not a loss: it never runs
 * {@code onLostLeadership}, so it is safe in a shutdown hook (a hook that ends in {@code System.exit} blocks
 * the JVM for ever). Thread-safe.
 */
public final class LeaseLeadership implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(LeaseLeadership.class);
  private static final AtomicInteger INSTANCES = new AtomicInteger();

  private final LeadershipConfig cfg;
  private final KubernetesClient client;
  private final boolean ownsClient;
  private final Runnable onStartedLeading;
  private final Runnable onLostLeadership;
  /** Consecutive failures to start an election round; a working round resets it. */
  private final Backoff contendBackoff;
  private final ExecutorService executor;
  private final AtomicBoolean leader = new AtomicBoolean();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final AtomicReference<String> currentLeader = new AtomicReference<>();
  private final AtomicReference<CompletableFuture<?>> round = new AtomicReference<>();

  private LeaseLeadership(LeadershipConfig cfg, KubernetesClient client, boolean ownsClient,
                          Runnable onStartedLeading, Runnable onLostLeadership) {
    this.cfg = Objects.requireNonNull(cfg, "cfg");
    this.client = Objects.requireNonNull(client, "client");
    this.ownsClient = ownsClient;
    this.onStartedLeading = Objects.requireNonNull(onStartedLeading, "onStartedLeading");
    this.onLostLeadership = Objects.requireNonNull(onLostLeadership, "onLostLeadership");
    this.contendBackoff = new Backoff(cfg.retryPeriod().toMillis(), cfg.leaseDuration().toMillis());
    int n = INSTANCES.incrementAndGet();
    ThreadFactory threads = r -> {
      Thread t = new Thread(r, "lease-leadership-" + n);
      t.setDaemon(true);
      return t;
    };
    this.executor = Executors.newCachedThreadPool(threads);
  }

  /**
   * Starts contending with the in-cluster configuration (service-account token, {@code KUBERNETES_SERVICE_HOST}).
   * Returns at once; leadership is reported through the callbacks and {@link #isLeader()}.
   */
  public static LeaseLeadership start(LeadershipConfig cfg, Runnable onStartedLeading, Runnable onLostLeadership) {
    KubernetesClient client = new KubernetesClientBuilder().build();
    try {
      return start(cfg, onStartedLeading, onLostLeadership, client, true);
    } catch (RuntimeException e) {
      client.close();
      throw e;
    }
  }

  /** For tests: contend through the given client (e.g. fabric8's mock server); the caller keeps and closes it. */
  static LeaseLeadership start(LeadershipConfig cfg, Runnable onStartedLeading, Runnable onLostLeadership,
                               KubernetesClient client) {
    return start(cfg, onStartedLeading, onLostLeadership, client, false);
  }

  private static LeaseLeadership start(LeadershipConfig cfg, Runnable onStartedLeading, Runnable onLostLeadership,
                                       KubernetesClient client, boolean ownsClient) {
    LeaseLeadership leadership = new LeaseLeadership(cfg, client, ownsClient, onStartedLeading, onLostLeadership);
    log.info("leader election: identity {} contends for lease {}/{} (lease {}, renew deadline {}, retry {})",
        cfg.identity(), cfg.namespace(), cfg.leaseName(), cfg.leaseDuration(), cfg.renewDeadline(), cfg.retryPeriod());
    leadership.contend();
    return leadership;
  }

  /** True while this instance holds the lease. */
  public boolean isLeader() {
    return leader.get();
  }

  /** The identity of the last leader observed, if any (may be this instance). */
  public Optional<String> currentLeader() {
    return Optional.ofNullable(currentLeader.get());
  }

  /**
   * Releases the lease if held, stops contending and frees the client it created. Does not run
   * {@code onLostLeadership}. Idempotent.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    stop(true);
  }

  /** For tests: simulates a crash; stops renewing WITHOUT releasing, so others must wait for the lease to expire. */
  void abandon() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    stop(false);
  }

  private void stop(boolean release) {
    boolean wasLeader = leader.get();
    // Stop renewing first, and wait for an in-flight renewal: one landing after the release would name us again.
    CompletableFuture<?> running = round.get();
    if (running != null) {
      running.cancel(true);
    }
    stoppedLeading();
    executor.shutdownNow();
    try {
      executor.awaitTermination(cfg.retryPeriod().toMillis() * 2, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (release && wasLeader) {
      releaseLease();
    }
    if (ownsClient) {
      client.close();
    }
  }

  /**
   * Clears the holder (as client-go does: empty holder, 1 s lease, renewed now), so any candidate may take the
   * Lease at its next retry. Not fabric8's {@code LeaderElector.release()}: it writes a JSON merge patch in
   * which the null holder is left out, so the Lease keeps naming us for another second. A full update carries
   * the resourceVersion we read: if anyone changed the Lease since, it fails instead of overwriting them.
   */
  private void releaseLease() {
    try {
      Lease lease = client.leases().inNamespace(cfg.namespace()).withName(cfg.leaseName()).get();
      if (lease == null || lease.getSpec() == null || !cfg.identity().equals(lease.getSpec().getHolderIdentity())) {
        log.info("leader election: lease {}/{} no longer names {}; nothing to release", cfg.namespace(),
            cfg.leaseName(), cfg.identity());
        return;
      }
      ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
      Lease released = new LeaseBuilder(lease).editSpec()
          .withHolderIdentity(null)
          .withLeaseDurationSeconds(1)
          .withAcquireTime(now)
          .withRenewTime(now)
          .endSpec().build();
      client.resource(released).update();
      log.info("leader election: {} released lease {}/{}", cfg.identity(), cfg.namespace(), cfg.leaseName());
    } catch (RuntimeException e) {
      log.warn("leader election: could not release lease {}/{} (a follower takes over when it expires): {}",
          cfg.namespace(), cfg.leaseName(), e.toString());
    }
  }

  /** One election round: acquire, renew until lost; then (unless closed) contend again. */
  private void contend() {
    if (closed.get()) {
      return;
    }
    LeaderElectionConfig config = new LeaderElectionConfigBuilder()
        .withName(cfg.leaseName())
        .withLock(new LeaseLock(cfg.namespace(), cfg.leaseName(), cfg.identity()))
        .withLeaseDuration(cfg.leaseDuration())
        .withRenewDeadline(cfg.renewDeadline())
        .withRetryPeriod(cfg.retryPeriod())
        // release is done explicitly in close(), so that abandon() can simulate a crash
        .withReleaseOnCancel(false)
        .withLeaderCallbacks(new LeaderCallbacks(this::startedLeading, this::stoppedLeading, this::newLeader))
        .build();
    LeaderElector next = new LeaderElector(client, config, executor);
    CompletableFuture<?> started = next.start();
    round.set(started);
    synchronized (contendBackoff) {
      contendBackoff.reset();
    }
    started.whenComplete((ok, error) -> {
      stoppedLeading();
      if (closed.get()) {
        return;
      }
      if (error != null) {
        log.warn("leader election round for {}/{} ended: {}", cfg.namespace(), cfg.leaseName(), error.toString());
      }
      CompletableFuture.delayedExecutor(cfg.retryPeriod().toMillis(), TimeUnit.MILLISECONDS)
          .execute(this::contendQuietly);
    });
  }

  private void contendQuietly() {
    try {
      contend();
    } catch (RuntimeException e) {
      if (!closed.get()) {
        long delay = nextContendDelayMillis();
        log.error("leader election: cannot contend again for {}/{}; retrying in {} ms", cfg.namespace(),
            cfg.leaseName(), delay, e);
        CompletableFuture.delayedExecutor(delay, TimeUnit.MILLISECONDS).execute(this::contendQuietly);
      }
    }
  }

  private long nextContendDelayMillis() {
    // Retries run one after another but on different threads: the lock is for visibility.
    synchronized (contendBackoff) {
      return contendBackoff.nextDelayMillis();
    }
  }

  private void startedLeading() {
    if (closed.get() || !leader.compareAndSet(false, true)) {
      return;
    }
    log.info("leader election: {} is now the leader of {}/{}", cfg.identity(), cfg.namespace(), cfg.leaseName());
    runCallback(onStartedLeading, "onStartedLeading");
  }

  private void stoppedLeading() {
    if (!leader.compareAndSet(true, false)) {
      return;
    }
    if (closed.get()) {
      // Asked for (close, or a test's abandon): not a loss. Running the callback here would run it inside
      // the caller's shutdown hook, where an exit blocks for ever.
      log.info("leader election: {} stopped leading {}/{} (closing)", cfg.identity(), cfg.namespace(),
          cfg.leaseName());
      return;
    }
    log.warn("leader election: {} lost the leadership of {}/{}", cfg.identity(), cfg.namespace(), cfg.leaseName());
    runCallback(onLostLeadership, "onLostLeadership");
  }

  private void newLeader(String identity) {
    currentLeader.set(identity);
    if (!cfg.identity().equals(identity)) {
      log.info("leader election: {} leads {}/{}; {} follows", identity, cfg.namespace(), cfg.leaseName(),
          cfg.identity());
    }
  }

  private void runCallback(Runnable callback, String name) {
    try {
      callback.run();
    } catch (RuntimeException e) {
      log.error("leader election: {} callback failed", name, e);
    }
  }
}
