package io.jvcstreaming.helm;

import static io.jvcstreaming.helm.Chart.at;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the scheduler must place for a set of rendered manifests: every workload's pod requests times its replicas,
 * and for a SparkApplication the driver pod plus executor pods x instances, sized the way Spark 3.5 sizes them on
 * Kubernetes. Helm hooks (the `helm test` pod) are not part of a running release and are left out by the caller.
 */
final class ClusterRequests {

  /** Spark's floor for the non-heap allowance (MEMORY_OVERHEAD_MIN_MIB in Spark 3.5). */
  static final long SPARK_MIN_OVERHEAD_MIB = 384;
  /** spark.kubernetes.memoryOverheadFactor's default for JVM jobs. */
  static final double SPARK_OVERHEAD_FACTOR = 0.1;

  private ClusterRequests() {
  }

  /** "Kind/name" (with "/driver", "/executor" for Spark) -> requests of all its pods together, in render order. */
  static Map<String, Requests> of(List<Map<String, Object>> docs) {
    Map<String, Requests> out = new LinkedHashMap<>();
    for (Map<String, Object> doc : docs) {
      String kind = String.valueOf(doc.get("kind"));
      String id = kind + "/" + at(doc, "metadata", "name");
      switch (kind) {
        case "Deployment", "StatefulSet", "ReplicaSet" -> out.put(id,
            pod(at(doc, "spec", "template", "spec")).times(intOr(at(doc, "spec", "replicas"), 1)));
        // one node: a DaemonSet runs one pod
        case "DaemonSet" -> out.put(id, pod(at(doc, "spec", "template", "spec")));
        case "Job" -> out.put(id,
            pod(at(doc, "spec", "template", "spec")).times(intOr(at(doc, "spec", "parallelism"), 1)));
        case "Pod" -> out.put(id, pod(at(doc, "spec")));
        case "SparkApplication" -> {
          Map<String, Object> spec = at(doc, "spec");
          out.put(id + "/driver", sparkPod(spec, "driver"));
          out.put(id + "/executor", sparkPod(spec, "executor").times(executorInstances(spec)));
        }
        default -> {
          // Services, ConfigMaps, RBAC, PVCs...: nothing to schedule
        }
      }
    }
    return out;
  }

  static Requests total(Map<String, Requests> parts) {
    return parts.values().stream().reduce(Requests.NONE, Requests::plus);
  }

  /** A pod's effective request: the sum of its containers, or its largest init container if that is larger. */
  static Requests pod(Map<String, Object> podSpec) {
    Requests sum = Requests.NONE;
    for (Map<String, Object> c : listOf(at(podSpec, "containers"))) {
      sum = sum.plus(container(c));
    }
    Requests init = Requests.NONE;
    for (Map<String, Object> c : listOf(at(podSpec, "initContainers"))) {
      init = init.max(container(c));
    }
    return sum.max(init);
  }

  /** A container's requests; a limit without a request is the request (the API server defaults it so). */
  static Requests container(Map<String, Object> c) {
    Object cpu = Objects.requireNonNullElse(at(c, "resources", "requests", "cpu"), at(c, "resources", "limits", "cpu"));
    Object mem = Objects.requireNonNullElse(at(c, "resources", "requests", "memory"),
        at(c, "resources", "limits", "memory"));
    return new Requests(cpu == null ? 0 : Requests.cpuMillis(cpu), mem == null ? 0 : Requests.memoryMiB(mem));
  }

  /**
   * One driver or executor pod as Spark 3.5 builds it (BasicDriverFeatureStep / BasicExecutorFeatureStep): CPU
   * request = coreRequest (spark.kubernetes.[role].request.cores), else the cores; memory request = memory +
   * overhead, the overhead being memoryOverhead if set, else max(384 MiB, factor x memory); executors add the
   * off-heap size when off-heap memory is enabled.
   */
  static Requests sparkPod(Map<String, Object> spec, String role) {
    Map<String, Object> pod = Objects.requireNonNullElse(at(spec, role), Map.of());
    Map<String, Object> conf = Objects.requireNonNullElse(at(spec, "sparkConf"), Map.of());
    Object coreRequest = first(pod.get("coreRequest"), conf.get("spark.kubernetes." + role + ".request.cores"));
    Object cores = first(pod.get("cores"), conf.get("spark." + role + ".cores"), 1);
    long milliCpu = Requests.cpuMillis(coreRequest != null ? coreRequest : cores);

    long memory = Requests.sparkMiB(String.valueOf(first(pod.get("memory"), conf.get("spark." + role + ".memory"),
        "1g")));
    Object explicitOverhead = first(pod.get("memoryOverhead"), conf.get("spark." + role + ".memoryOverhead"));
    double factor = Double.parseDouble(String.valueOf(first(spec.get("memoryOverheadFactor"),
        conf.get("spark." + role + ".memoryOverheadFactor"), conf.get("spark.kubernetes.memoryOverheadFactor"),
        SPARK_OVERHEAD_FACTOR)));
    long overhead = explicitOverhead != null ? Requests.sparkMiB(String.valueOf(explicitOverhead))
        : overheadMiB(memory, factor);
    long offHeap = 0;
    if (role.equals("executor") && Boolean.parseBoolean(String.valueOf(conf.get("spark.memory.offHeap.enabled")))) {
      offHeap = Requests.sparkMiB(String.valueOf(first(conf.get("spark.memory.offHeap.size"), "0")));
    }
    return new Requests(milliCpu, memory + overhead + offHeap);
  }

  /** Spark's default overhead: max(factor x memory, 384 MiB). */
  static long overheadMiB(long memoryMiB, double factor) {
    return Math.max((long) (factor * memoryMiB), SPARK_MIN_OVERHEAD_MIB);
  }

  private static long executorInstances(Map<String, Object> spec) {
    Object n = first(at(spec, "executor", "instances"), at(spec, "sparkConf", "spark.executor.instances"), 1);
    return Long.parseLong(String.valueOf(n));
  }

  private static long intOr(Object value, long dflt) {
    return value == null ? dflt : Long.parseLong(String.valueOf(value));
  }

  private static Object first(Object... candidates) {
    for (Object c : candidates) {
      if (c != null && !String.valueOf(c).isEmpty()) {
        return c;
      }
    }
    return null;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> listOf(Object o) {
    return o == null ? List.of() : (List<Map<String, Object>>) o;
  }
}
