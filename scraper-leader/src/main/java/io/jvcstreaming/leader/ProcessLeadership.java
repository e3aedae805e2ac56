package io.jvcstreaming.leader;

import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Leadership for a whole process that must stop its work the moment it is no longer the only leader.
 *
 * <ul>
 *   <li>Lease lost while running: the process exits with {@link #EXIT_LOST_LEADERSHIP} (a half-stopped leader
 *       could still write; Kubernetes restarts it as a follower).</li>
 *   <li>SIGTERM (or any normal JVM shutdown): a shutdown hook releases the Lease, so a follower takes over at
 *       its next retry instead of waiting for expiry, and the JVM ends with its usual code (143 for SIGTERM).
 *       The hook never calls {@code System.exit}: an exit inside a hook waits for the hooks, i.e. for ever.</li>
 * </ul>
 */
public final class ProcessLeadership {

  /** Exit code of a process that lost the lease while it was leading. */
  public static final int EXIT_LOST_LEADERSHIP = 1;

  private static final Logger log = LoggerFactory.getLogger(ProcessLeadership.class);

  private ProcessLeadership() {
  }

  /**
   * Contends with the in-cluster configuration; {@code onStartedLeading} runs on an internal thread each time
   * this process becomes the leader (hand the work to your own event loop).
   */
  public static LeaseLeadership start(LeadershipConfig cfg, Runnable onStartedLeading) {
    LeaseLeadership leadership = LeaseLeadership.start(cfg, onStartedLeading, () -> exitOnLoss(cfg));
    installReleaseHook(leadership);
    return leadership;
  }

  private static void installReleaseHook(LeaseLeadership leadership) {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      boolean wasLeader = leadership.isLeader();
      leadership.close();
      if (wasLeader) {
        log.info("leader election: released the lease on shutdown");
      }
    }, "lease-release"));
  }

  private static void exitOnLoss(LeadershipConfig cfg) {
    Objects.requireNonNull(cfg);
    log.error("{} lost the lease {}/{}: exiting with code {} so that only one instance ever works as the leader",
        cfg.identity(), cfg.namespace(), cfg.leaseName(), EXIT_LOST_LEADERSHIP);
    // Not on the election thread: System.exit blocks its caller until the hooks are done, and the release
    // hook waits for the election threads to finish.
    Thread exit = new Thread(() -> System.exit(EXIT_LOST_LEADERSHIP), "lease-lost-exit");
    exit.start();
  }
}
