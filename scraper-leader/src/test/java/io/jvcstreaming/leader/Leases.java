package io.jvcstreaming.leader;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseSpec;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.jvcstreaming.testkit.Await;
import java.util.function.Consumer;

/** The test's own hand on the Lease, playing another holder. */
final class Leases {

  static final String NS = "jvc-streaming";
  static final String LEASE = "jvc-streaming-scraper";

  private Leases() {
  }

  static Lease get(KubernetesClient client) {
    return client.leases().inNamespace(NS).withName(LEASE).get();
  }

  static String holder(KubernetesClient client) {
    Lease lease = get(client);
    return lease == null ? null : lease.getSpec().getHolderIdentity();
  }

  /**
   * Changes the Lease's spec as another writer would: a read-modify-write carrying the resourceVersion, tried again
   * when the current leader's renewal got in between (409), like any Kubernetes client does.
   */
  static void edit(KubernetesClient client, Consumer<LeaseSpec> change) {
    boolean[] done = {false};
    Await.until("the Lease accepts the test's change", () -> {
      Lease copy = new LeaseBuilder(get(client)).build();
      change.accept(copy.getSpec());
      try {
        client.resource(copy).update();
        done[0] = true;
      } catch (KubernetesClientException e) {
        if (e.getCode() != 409) {
          throw e;
        }
      }
      return done[0];
    });
  }
}
