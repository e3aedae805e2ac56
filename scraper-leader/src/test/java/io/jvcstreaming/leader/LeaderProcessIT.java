package io.jvcstreaming.leader;

import static io.jvcstreaming.leader.Leases.LEASE;
import static io.jvcstreaming.leader.Leases.NS;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.jvcstreaming.testkit.Await;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A real leader process ({@link LeaderChildMain} on {@link ProcessLeadership}, a child JVM) against fabric8's mock
 * API server in this JVM: SIGTERM releases the Lease and ends the process; a lost Lease makes it exit 1.
 */
@EnableKubernetesMockClient(crud = true)
@Timeout(240)
class LeaderProcessIT {

  /** The JVM's exit code after SIGTERM when every shutdown hook returned: 128 + 15. */
  private static final int SIGTERM_EXIT = 143;
  /** Generous: a hook that hangs (the bug this guards against) never ends; a working one takes a second. */
  private static final long EXIT_GUARD_SECONDS = 60;

  KubernetesClient client;

  @TempDir
  Path dir;
  private Path log;
  private Process child;
  private LeaseLeadership other;

  @AfterEach
  void cleanUp() {
    if (other != null) {
      other.close();
    }
    if (child != null && child.isAlive()) {
      child.destroyForcibly();
    }
    if (log != null) {
      output().forEach(line -> System.out.println("[leader-child] " + line));
    }
  }

  @ParameterizedTest(name = "wiring {0}")
  @ValueSource(strings = {"process", "exit-in-callback"})
  @DisplayName("SIGTERM to the leader process: it exits 143 within the guard and the Lease is released")
  void sigtermReleasesTheLeaseAndExits(String wiring) throws Exception {
    // A long lease: if the process did not release it, nobody could take it for 30 s.
    startChild(wiring, "scraper-child", 30_000, 20_000, 250);
    Await.until("the child leads", () -> output().contains(LeaderChildMain.LEADING));
    assertThat(holder()).isEqualTo("scraper-child");

    child.destroy(); // SIGTERM
    assertThat(child.waitFor(EXIT_GUARD_SECONDS, TimeUnit.SECONDS))
        .as(() -> "the leader process exits after SIGTERM, output: " + output()).isTrue();
    assertThat(child.exitValue()).as(() -> "exit code after SIGTERM, output: " + output()).isEqualTo(SIGTERM_EXIT);

    // The hook released the Lease before the JVM ended: the holder is cleared, not left to expire.
    assertThat(holder()).as("holder after the leader's shutdown").isNullOrEmpty();
    assertThat(output()).anyMatch(line -> line.contains("released lease"))
        .noneMatch(line -> line.contains("lost the lease"));

    AtomicInteger started = new AtomicInteger();
    other = LeaseLeadership.start(new LeadershipConfig(NS, LEASE, "scraper-next", LeaseLeadershipIT.STABLE_LEASE,
        LeaseLeadershipIT.STABLE_RENEW_DEADLINE, LeaseLeadershipIT.RETRY), started::incrementAndGet, () -> { }, client);
    Await.until("the next candidate takes the released Lease", other::isLeader);
    assertThat(holder()).isEqualTo("scraper-next");
  }

  @Test
  @DisplayName("the leader process loses its Lease while running: it exits 1 and leaves the new holder alone")
  void lostLeaseExitsWithCodeOne() throws Exception {
    startChild("process", "scraper-child", 30_000, 20_000, 250);
    Await.until("the child leads", () -> output().contains(LeaderChildMain.LEADING));

    Leases.edit(client, spec -> {
      spec.setHolderIdentity("intruder");
      spec.setRenewTime(ZonedDateTime.now());
      spec.setLeaseDurationSeconds(3600);
    });

    assertThat(child.waitFor(EXIT_GUARD_SECONDS, TimeUnit.SECONDS))
        .as(() -> "the process exits after losing the lease, output: " + output()).isTrue();
    assertThat(child.exitValue()).as(() -> "exit code, output: " + output())
        .isEqualTo(ProcessLeadership.EXIT_LOST_LEADERSHIP);
    assertThat(output()).anyMatch(line -> line.contains("lost the lease"));
    // Its shutdown hook ran too, but a lease it no longer holds is not its to release.
    assertThat(holder()).isEqualTo("intruder");
  }

  private void startChild(String wiring, String identity, long leaseMs, long renewMs, long retryMs) throws IOException {
    log = dir.resolve(identity + ".log");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd = new ArrayList<>(List.of(java,
        "-Dkubernetes.master=" + client.getConfiguration().getMasterUrl(),
        "-Dkubernetes.trust.certificates=true",
        "-Dkubernetes.disable.hostname.verification=true",
        "-Dkubernetes.auth.tryKubeConfig=false",
        "-Dkubernetes.auth.tryServiceAccount=false",
        "-Dorg.slf4j.simpleLogger.defaultLogLevel=info",
        "-cp", System.getProperty("java.class.path"),
        LeaderChildMain.class.getName(),
        wiring, NS, LEASE, identity, Long.toString(leaseMs), Long.toString(renewMs), Long.toString(retryMs)));
    // To a file, not a pipe: Process.destroy() closes the pipes, and the lines of the shutdown are the ones we need.
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
    // No in-cluster settings from the environment the build runs in.
    pb.environment().keySet().removeIf(k -> k.startsWith("KUBERNETES_") || k.equals("KUBECONFIG"));
    child = pb.start();
  }

  private List<String> output() {
    try {
      return Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String holder() {
    return Leases.holder(client);
  }
}
