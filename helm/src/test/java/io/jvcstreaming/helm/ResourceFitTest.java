package io.jvcstreaming.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Everything the chart renders must be schedulable on the node k8s/minikube.sh creates: the sum of the pod requests
 * (Spark pods sized as Spark sizes them) plus the system allowance and 10 % headroom fits the script's
 * --cpus/--memory.
 */
class ResourceFitTest {

  static final NodeBudget NODE = NodeBudget.fromScript(Chart.read(Chart.REPO.resolve("k8s/minikube.sh")));

  static Map<String, Requests> requestsOf(String yaml) {
    return ClusterRequests.of(Chart.resources(yaml));
  }

  static String breakdown(Map<String, Requests> parts) {
    return parts.entrySet().stream().map(e -> "  " + e.getKey() + ": " + e.getValue())
        .collect(Collectors.joining("\n"));
  }

  @Test
  @DisplayName("the default values fit the minikube node, with the system allowance and 10 % headroom")
  void defaultValuesFit() {
    Map<String, Requests> parts = requestsOf(Chart.render(Map.of()));
    assertThat(parts).containsKeys("Deployment/jvc-streaming-scraper", "StatefulSet/jvc-streaming-redis",
        "SparkApplication/jvc-streaming-words/driver", "SparkApplication/jvc-streaming-words/executor");
    assertThat(NODE.verdict(ClusterRequests.total(parts))).as("%s\n%s", NODE, breakdown(parts)).isEmpty();
  }

  @Test
  @DisplayName("what minikube.sh --demo installs (dashboard and simulator on) fits as well")
  void demoInstallFits() {
    Map<String, Requests> parts = requestsOf(Chart.render(Map.of("dashboard.enabled", true,
        "simulator.enabled", true)));
    assertThat(parts).containsKeys("Deployment/jvc-streaming-dashboard", "Deployment/jvc-streaming-simulator");
    assertThat(NODE.verdict(ClusterRequests.total(parts))).as("%s\n%s", NODE, breakdown(parts)).isEmpty();
  }

  @Test
  @DisplayName("the default Spark pods are sized by coreRequest and Spark's overhead rule, not by their cores")
  void defaultSparkPodSizes() {
    Map<String, Requests> parts = requestsOf(Chart.render(Map.of()));
    // driver 512m + max(384, 51) ; executor 768m + max(384, 76)
    assertThat(parts.get("SparkApplication/jvc-streaming-stickers/driver")).isEqualTo(new Requests(200, 896));
    assertThat(parts.get("SparkApplication/jvc-streaming-stickers/executor")).isEqualTo(new Requests(400, 1152));
  }

  @Test
  @DisplayName("a deliberately oversized executor memory does not fit, and the checker names the dimension")
  void oversizedMemoryFails() {
    Map<String, Requests> parts = requestsOf(Chart.render(Map.of("spark.executor.memory", "3g")));
    assertThat(parts.get("SparkApplication/jvc-streaming-words/executor")).isEqualTo(new Requests(400, 3072 + 384));
    String verdict = NODE.verdict(ClusterRequests.total(parts));
    assertThat(verdict).startsWith("memory: the release requests").doesNotContain("CPU:");
  }

  @Test
  @DisplayName("one job with more executors than the node holds is enough to fail")
  void oneOversizedJobFails() {
    Map<String, Requests> parts = requestsOf(Chart.renderYaml("""
        jobs:
          - {name: stickers, job: stickers}
          - {name: authors, job: authors}
          - {name: words, job: words, executor: {instances: 4, memory: 2g}}
          - {name: pseudo, job: pseudo, pseudo: [Khey]}
          - {name: topics, job: topics}
        """));
    assertThat(parts.get("SparkApplication/jvc-streaming-words/executor")).isEqualTo(new Requests(1600,
        4 * (2048 + 384)));
    assertThat(NODE.verdict(ClusterRequests.total(parts))).contains("memory: the release requests");
  }

  @Test
  @DisplayName("a per-job CPU request above the node does not fit either")
  void oversizedCpuRequestFails() {
    Map<String, Requests> parts = requestsOf(Chart.render(Map.of("spark.executor.coreRequest", "2")));
    assertThat(NODE.verdict(ClusterRequests.total(parts))).startsWith("CPU: the release requests 11300m")
        .doesNotContain("memory:");
  }

  @Test
  @DisplayName("the script's node size is parsed from its defaults, and a script without them is refused")
  void nodeFromScript() {
    assertThat(NodeBudget.fromScript("""
        MINIKUBE_CPUS="${MINIKUBE_CPUS:-4}"
        MINIKUBE_MEMORY="${MINIKUBE_MEMORY:-8g}"
        """)).isEqualTo(new NodeBudget(4000, 8192));
    assertThatThrownBy(() -> NodeBudget.fromScript("minikube start --cpus 6 --memory 12g"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("MINIKUBE_CPUS");
  }

  @Nested
  class Quantities {

    @ParameterizedTest(name = "{0} -> {1}m")
    @CsvSource({"250m, 250", "1, 1000", "0.5, 500", "1.25, 1250", "2, 2000", "0.0001, 1"})
    @DisplayName("Kubernetes CPU quantities")
    void cpu(String quantity, long millis) {
      assertThat(Requests.cpuMillis(quantity)).isEqualTo(millis);
    }

    @ParameterizedTest(name = "{0} -> {1} MiB")
    @CsvSource({"384Mi, 384", "1Gi, 1024", "512M, 489", "1G, 954", "1048576, 1", "2048Ki, 2"})
    @DisplayName("Kubernetes memory quantities (rounded up)")
    void memory(String quantity, long mib) {
      assertThat(Requests.memoryMiB(quantity)).isEqualTo(mib);
    }

    @ParameterizedTest(name = "{0} -> {1} MiB")
    @CsvSource({"512m, 512", "1g, 1024", "1G, 1024", "2048, 2048", "1536k, 1", "2gb, 2048", "1t, 1048576"})
    @DisplayName("Spark memory strings (binary units; a bare number is MiB)")
    void spark(String value, long mib) {
      assertThat(Requests.sparkMiB(value)).isEqualTo(mib);
    }

    @ParameterizedTest(name = "{0} -> {1} MiB")
    @CsvSource({"12g, 12288", "14g, 14336", "8192, 8192", "8192mb, 8192", "16G, 16384"})
    @DisplayName("minikube --memory sizes")
    void minikube(String value, long mib) {
      assertThat(NodeBudget.minikubeMiB(value)).isEqualTo(mib);
    }

    @Test
    @DisplayName("refuses what is not a quantity")
    void refusesGarbage() {
      assertThatThrownBy(() -> Requests.cpuMillis("1Gi")).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> Requests.memoryMiB("100m")).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> Requests.sparkMiB("1GiB")).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Nested
  class SparkPods {

    private Requests size(Map<String, Object> spec, String role) {
      return ClusterRequests.sparkPod(spec, role);
    }

    @ParameterizedTest(name = "memory {0} -> pod {1} MiB")
    @CsvSource({"512m, 896", "1g, 1408", "3840m, 4224", "4g, 4505", "10g, 11264"})
    @DisplayName("overhead = max(384 MiB, 10 % of memory)")
    void overheadRule(String memory, long podMiB) {
      assertThat(size(Map.of("driver", Map.of("cores", 1, "memory", memory)), "driver").memoryMiB()).isEqualTo(podMiB);
    }

    @Test
    @DisplayName("an explicit memoryOverhead replaces the rule, also below 384 MiB; sparkConf works too")
    void explicitOverhead() {
      assertThat(size(Map.of("executor", Map.of("memory", "1g", "memoryOverhead", "256m")), "executor"))
          .isEqualTo(new Requests(1000, 1280));
      assertThat(size(Map.of("executor", Map.of("memory", "1g"), "sparkConf",
          Map.of("spark.executor.memoryOverhead", "512m")), "executor")).isEqualTo(new Requests(1000, 1536));
      assertThat(size(Map.of("driver", Map.of("memory", "4g"), "memoryOverheadFactor", "0.2"), "driver"))
          .isEqualTo(new Requests(1000, 4096 + 819));
    }

    @Test
    @DisplayName("CPU: coreRequest, else spark.kubernetes.<role>.request.cores, else the cores; defaults 1 core, 1g")
    void cpuRequest() {
      assertThat(size(Map.of("executor", Map.of("cores", 2)), "executor")).isEqualTo(new Requests(2000, 1408));
      assertThat(size(Map.of("executor", Map.of("cores", 2, "coreRequest", "300m")), "executor").milliCpu())
          .isEqualTo(300);
      assertThat(size(Map.of("driver", Map.of("cores", 2), "sparkConf",
          Map.of("spark.kubernetes.driver.request.cores", "0.5")), "driver").milliCpu()).isEqualTo(500);
      assertThat(size(Map.of(), "driver")).isEqualTo(new Requests(1000, 1408));
    }

    @Test
    @DisplayName("executors count once per instance; off-heap memory adds to the executor pod")
    void instancesAndOffHeap() {
      Map<String, Requests> parts = ClusterRequests.of(List.of(Map.of("kind", "SparkApplication", "metadata",
          Map.of("name", "a"), "spec", Map.of("executor", Map.of("cores", 1, "coreRequest", "250m", "instances", 3,
              "memory", "1g"), "sparkConf", Map.of("spark.memory.offHeap.enabled", "true",
              "spark.memory.offHeap.size", "256m")))));
      assertThat(parts.get("SparkApplication/a/executor")).isEqualTo(new Requests(750, 3 * (1024 + 384 + 256)));
      assertThat(parts.get("SparkApplication/a/driver")).isEqualTo(new Requests(1000, 1408));
    }

    @Test
    @DisplayName("plain pods: containers add up, an init container counts when larger, limits stand in for requests")
    void plainPods() {
      Map<String, Object> podSpec = Map.of(
          "containers", List.of(
              Map.of("resources", Map.of("requests", Map.of("cpu", "100m", "memory", "128Mi"))),
              Map.of("resources", Map.of("limits", Map.of("cpu", "200m", "memory", "64Mi")))),
          "initContainers", List.of(Map.of("resources", Map.of("requests", Map.of("cpu", "1", "memory", "16Mi")))));
      assertThat(ClusterRequests.pod(podSpec)).isEqualTo(new Requests(1000, 192));
      Map<String, Requests> parts = ClusterRequests.of(List.of(Map.of("kind", "Deployment", "metadata",
          Map.of("name", "d"), "spec", Map.of("replicas", 3, "template", Map.of("spec", podSpec)))));
      assertThat(parts.get("Deployment/d")).isEqualTo(new Requests(3000, 576));
    }
  }
}
