package io.jvcstreaming.helm;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one node k8s/minikube.sh creates and what of it is left for the release.
 *
 * <p>The node size is read from the script's defaults ({@code MINIKUBE_CPUS="${MINIKUBE_CPUS:-6}"}), so resizing the
 * script re-runs the check. minikube gives the node exactly --cpus/--memory and reserves nothing for the system
 * (no kube-reserved), so the allowance below stands for everything that runs there besides the release:
 * <ul>
 *   <li>control plane, by their pod requests: kube-apiserver 250m, kube-controller-manager 200m, kube-scheduler 100m,
 *       etcd 100m/100Mi, CoreDNS 100m/70Mi, calico-node 250m (--cni calico), calico-kube-controllers, kube-proxy,
 *       storage-provisioner: about 1.0 CPU;</li>
 *   <li>the Spark Operator 2.2.1 controller and webhook (the chart sets no requests; they idle at ~0.1 CPU and
 *       ~250 MiB together);</li>
 *   <li>memory in real use rather than requested: apiserver + etcd + the rest, kubelet and the container runtime
 *       use about 1.2 GiB on an idle minikube node.</li>
 * </ul>
 * Hence 1.5 CPU and 1.5 GiB, and on top of that 10 % of the node stays free (rolling updates start a new pod before
 * the old one stops, and the JVMs' non-heap use varies).
 */
record NodeBudget(long milliCpu, long memoryMiB) {

  static final Requests SYSTEM_ALLOWANCE = new Requests(1500, 1536);
  static final double HEADROOM = 0.10;

  private static final Pattern CPUS = Pattern.compile("MINIKUBE_CPUS=\"\\$\\{MINIKUBE_CPUS:-([0-9]+)}\"");
  private static final Pattern MEMORY = Pattern.compile("MINIKUBE_MEMORY=\"\\$\\{MINIKUBE_MEMORY:-([0-9]+[a-zA-Z]*)}\"");

  /** The node of a minikube.sh script, from its default --cpus and --memory. */
  static NodeBudget fromScript(String script) {
    Matcher cpus = CPUS.matcher(script);
    Matcher memory = MEMORY.matcher(script);
    if (!cpus.find() || !memory.find()) {
      throw new IllegalArgumentException(
          "minikube.sh must set MINIKUBE_CPUS=\"${MINIKUBE_CPUS:-<n>}\" and MINIKUBE_MEMORY=\"${MINIKUBE_MEMORY:-<size>}\"");
    }
    return new NodeBudget(Long.parseLong(cpus.group(1)) * 1000, minikubeMiB(memory.group(1)));
  }

  /** minikube's --memory: a plain number is MB; units b/k/m/g/t are binary (docker/go-units RAMInBytes). */
  static long minikubeMiB(String value) {
    Matcher m = Pattern.compile("^([0-9]+)([bkmgt]?)b?$").matcher(value.toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new IllegalArgumentException("not a minikube memory size: " + value);
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "b" -> n / (1024 * 1024);
      case "k" -> n / 1024;
      case "", "m" -> n;
      case "g" -> n * 1024;
      case "t" -> n * 1024 * 1024;
      default -> throw new IllegalArgumentException("not a minikube memory size: " + value);
    };
  }

  /** What the release may request: the node minus the system allowance minus the headroom. */
  Requests usable() {
    return new Requests((long) (milliCpu * (1 - HEADROOM)) - SYSTEM_ALLOWANCE.milliCpu(),
        (long) (memoryMiB * (1 - HEADROOM)) - SYSTEM_ALLOWANCE.memoryMiB());
  }

  /** Empty when the requests fit; otherwise one line per dimension that does not. */
  String verdict(Requests release) {
    Requests usable = usable();
    StringBuilder out = new StringBuilder();
    if (release.milliCpu() > usable.milliCpu()) {
      out.append("CPU: the release requests ").append(release.milliCpu()).append("m but a ").append(milliCpu)
          .append("m node leaves ").append(usable.milliCpu()).append("m after the system allowance (")
          .append(SYSTEM_ALLOWANCE.milliCpu()).append("m) and 10 % headroom\n");
    }
    if (release.memoryMiB() > usable.memoryMiB()) {
      out.append("memory: the release requests ").append(release.memoryMiB()).append(" MiB but a ")
          .append(memoryMiB).append(" MiB node leaves ").append(usable.memoryMiB())
          .append(" MiB after the system allowance (").append(SYSTEM_ALLOWANCE.memoryMiB())
          .append(" MiB) and 10 % headroom\n");
    }
    return out.toString();
  }
}
