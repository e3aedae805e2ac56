package io.jvcstreaming.leader;

import java.time.Duration;

/**
 * A leader process for {@link LeaderProcessIT}: contends through {@link ProcessLeadership} exactly as the scraper
 * does, against the API server named by {@code -Dkubernetes.master}. Prints {@code LEADING} on stdout each time it
 * becomes the leader, then idles until it is terminated or exits on a lost lease.
 *
 * <p>Arguments: wiring, namespace, lease name, identity, lease ms, renew deadline ms, retry ms. Wiring
 * {@code process} uses {@link ProcessLeadership}; {@code exit-in-callback} wires {@link LeaseLeadership} the way the
 * scraper's {@code LeaderSupport} does (its own release hook, {@code System.exit(1)} straight from the lost-lease
 * callback), which deadlocked on SIGTERM while {@code close()} still ran that callback.
 */
public final class LeaderChildMain {

  static final String LEADING = "LEADING";

  private LeaderChildMain() {
  }

  public static void main(String[] args) throws InterruptedException {
    LeadershipConfig cfg = new LeadershipConfig(args[1], args[2], args[3], Duration.ofMillis(Long.parseLong(args[4])),
        Duration.ofMillis(Long.parseLong(args[5])), Duration.ofMillis(Long.parseLong(args[6])));
    Runnable leading = () -> {
      System.out.println(LEADING);
      System.out.flush();
    };
    if ("process".equals(args[0])) {
      ProcessLeadership.start(cfg, leading);
    } else {
      LeaseLeadership leadership = LeaseLeadership.start(cfg, leading, () -> {
        System.out.println("lost the lease: exiting");
        System.exit(1);
      });
      Runtime.getRuntime().addShutdownHook(new Thread(leadership::close, "lease-release"));
    }
    // The election runs on daemon threads: keep the JVM up until a signal or the lost-lease exit ends it.
    Thread.currentThread().join();
  }
}
