package io.jvcstreaming.helm;

import static io.jvcstreaming.helm.Chart.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Monitoring: prometheus.io annotations by default, ServiceMonitors or PodMonitors when asked (and then no
 * annotations), monitors that select what the chart really renders, NetworkPolicies that let the scrape in, and
 * the Grafana dashboard ConfigMap.
 */
class MonitoringTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String SCRAPER = "jvc-streaming-scraper";
  private static final String SPARK_METRICS = "jvc-streaming-spark-metrics";
  private static final String DRIVER_PATH = "/metrics/prometheus/";

  @Test
  @DisplayName("by default: no monitors, scrape annotations on the scraper and every driver, the UI port set")
  void annotationsByDefault() {
    List<Map<String, Object>> docs = Chart.docs(Chart.render(Map.of()));
    assertThat(Chart.ofKind(docs, "ServiceMonitor")).isEmpty();
    assertThat(Chart.ofKind(docs, "PodMonitor")).isEmpty();
    assertThat(Chart.has(docs, "Service", SPARK_METRICS)).isFalse();

    Map<String, Object> scraperPod = at(Chart.find(docs, "Deployment", SCRAPER), "spec", "template");
    assertThat(Chart.annotations(scraperPod)).containsEntry("prometheus.io/scrape", "true")
        .containsEntry("prometheus.io/port", "8080").containsEntry("prometheus.io/path", "/metrics");
    List<Map<String, Object>> apps = Chart.ofKind(docs, "SparkApplication");
    assertThat(apps).hasSize(5);
    for (Map<String, Object> app : apps) {
      Map<String, Object> annotations = at(app, "spec", "driver", "annotations");
      assertThat(annotations).as("driver of %s", (String) at(app, "metadata", "name"))
          .containsEntry("prometheus.io/scrape", "true").containsEntry("prometheus.io/port", "4040")
          .containsEntry("prometheus.io/path", DRIVER_PATH);
      assertThat((Object) at(app, "spec", "executor", "annotations")).as("executors serve no endpoint").isNull();
      List<String> args = at(app, "spec", "arguments");
      assertThat(String.join(" ", args)).contains("--metrics-port 4040");
      assertThat((String) at(app, "spec", "sparkConf", "spark.ui.port")).isEqualTo("4040");
    }
  }

  @Test
  @DisplayName("serviceMonitor.enabled: monitors selecting the scraper Service and a headless Service over the drivers")
  void serviceMonitors() {
    List<Map<String, Object>> docs = Chart.docs(Chart.renderYaml("""
        metrics:
          serviceMonitor: {enabled: true, interval: 15s, labels: {release: kube-prometheus-stack}}
        spark:
          metrics: {port: 4050}
        """));
    assertThat(Chart.ofKind(docs, "PodMonitor")).isEmpty();
    assertNoScrapeAnnotations(docs);

    Map<String, Object> scraperMonitor = Chart.find(docs, "ServiceMonitor", SCRAPER);
    assertThat((Map<String, Object>) at(scraperMonitor, "metadata", "labels"))
        .containsEntry("release", "kube-prometheus-stack");
    Map<String, Object> scraperService = Chart.find(docs, "Service", SCRAPER);
    assertThat(selects(at(scraperMonitor, "spec", "selector", "matchLabels"), at(scraperService, "metadata", "labels")))
        .as("the scraper ServiceMonitor selects the scraper Service").isTrue();
    assertThat(endpoint(scraperMonitor, "endpoints", 0)).containsEntry("port", "http").containsEntry("path", "/metrics")
        .containsEntry("interval", "15s");
    assertThat(portNames(at(scraperService, "spec", "ports"))).contains("http");

    Map<String, Object> sparkMonitor = Chart.find(docs, "ServiceMonitor", SPARK_METRICS);
    Map<String, Object> sparkService = Chart.find(docs, "Service", SPARK_METRICS);
    assertThat(selects(at(sparkMonitor, "spec", "selector", "matchLabels"), at(sparkService, "metadata", "labels")))
        .as("the Spark ServiceMonitor selects the drivers' Service").isTrue();
    assertThat(selects(at(sparkMonitor, "spec", "selector", "matchLabels"), at(scraperService, "metadata", "labels")))
        .as("and not the scraper's").isFalse();
    assertThat((String) at(sparkService, "spec", "clusterIP")).isEqualTo("None");
    assertThat(endpoint(sparkMonitor, "endpoints", 0)).containsEntry("port", "spark-ui")
        .containsEntry("path", DRIVER_PATH);
    assertThat(endpoint(sparkMonitor, "endpoints", 1)).containsEntry("path", "/metrics/executors/prometheus/");
    assertThat((Integer) at(sparkService, "spec", "ports", "0", "targetPort")).isEqualTo(4050);
    for (Map<String, Object> app : Chart.ofKind(docs, "SparkApplication")) {
      assertThat(selects(at(sparkService, "spec", "selector"), driverPodLabels(app)))
          .as("the Service selects the driver of %s", (String) at(app, "metadata", "name")).isTrue();
      assertThat(selects(at(sparkService, "spec", "selector"), executorPodLabels(app)))
          .as("but not its executors").isFalse();
      assertThat((String) at(app, "spec", "sparkConf", "spark.ui.port")).isEqualTo("4050");
    }
  }

  @Test
  @DisplayName("podMonitor.enabled: monitors selecting the scraper pods and the driver pods by named port")
  void podMonitors() {
    List<Map<String, Object>> docs = Chart.docs(Chart.renderYaml("metrics:\n  podMonitor: {enabled: true, interval: 1m}\n"));
    assertThat(Chart.ofKind(docs, "ServiceMonitor")).isEmpty();
    assertThat(Chart.has(docs, "Service", SPARK_METRICS)).isFalse();
    assertNoScrapeAnnotations(docs);

    Map<String, Object> scraperMonitor = Chart.find(docs, "PodMonitor", SCRAPER);
    Map<String, Object> pod = at(Chart.find(docs, "Deployment", SCRAPER), "spec", "template");
    assertThat(selects(at(scraperMonitor, "spec", "selector", "matchLabels"), at(pod, "metadata", "labels"))).isTrue();
    assertThat(endpoint(scraperMonitor, "podMetricsEndpoints", 0)).containsEntry("port", "http")
        .containsEntry("interval", "1m");
    assertThat(portNames(at(pod, "spec", "containers", "0", "ports"))).contains("http");

    Map<String, Object> sparkMonitor = Chart.find(docs, "PodMonitor", SPARK_METRICS);
    // Spark names the driver's UI container port spark-ui (its Constants.UI_PORT_NAME)
    assertThat(endpoint(sparkMonitor, "podMetricsEndpoints", 0)).containsEntry("port", "spark-ui")
        .containsEntry("path", DRIVER_PATH);
    for (Map<String, Object> app : Chart.ofKind(docs, "SparkApplication")) {
      assertThat(selects(at(sparkMonitor, "spec", "selector", "matchLabels"), driverPodLabels(app))).isTrue();
      assertThat(selects(at(sparkMonitor, "spec", "selector", "matchLabels"), executorPodLabels(app))).isFalse();
    }
  }

  @Test
  @DisplayName("the schema refuses malformed monitor and dashboard values; both monitors at once are refused")
  void refusals() {
    assertThat(Chart.renderError("metrics:\n  serviceMonitor: {enable: true}\n")).contains("enable");
    assertThat(Chart.renderError("metrics:\n  serviceMonitor: {enabled: \"yes\"}\n"))
        .contains("/metrics/serviceMonitor/enabled");
    assertThat(Chart.renderError("metrics:\n  podMonitor: {enabled: true, interval: \"30\"}\n"))
        .contains("/metrics/podMonitor/interval");
    assertThat(Chart.renderError("metrics:\n  serviceMonitor: {labels: {release: 1}}\n"))
        .contains("/metrics/serviceMonitor/labels/release");
    assertThat(Chart.renderError("metrics:\n  prometheus: true\n")).contains("prometheus");
    assertThat(Chart.renderError("grafana:\n  dashboard: {enabled: true, folder: x}\n")).contains("folder");
    assertThat(Chart.renderError("spark:\n  metrics: {port: 80}\n")).contains("/spark/metrics/port");
    assertThat(Chart.renderError("spark:\n  sparkConf: {spark.ui.port: \"4041\"}\n")).contains("spark.metrics.port");
    assertThat(Chart.renderError("metrics:\n  serviceMonitor: {enabled: true}\n  podMonitor: {enabled: true}\n"))
        .contains("scraped twice");
  }

  @Test
  @DisplayName("the NetworkPolicies let a scrape from any namespace reach the scraper's /metrics and the drivers' UI port")
  void networkPoliciesAllowTheScrape() {
    List<Map<String, Object>> docs = Chart.docs(Chart.renderYaml("dashboard: {enabled: true}\n"));
    List<Map<String, Object>> policies = Chart.ofKind(docs, "NetworkPolicy");
    assertThat(policies).as("policies rendered").isNotEmpty();
    Map<String, Object> scraperPod = at(Chart.find(docs, "Deployment", SCRAPER), "spec", "template", "metadata");
    assertThat(openToAll(policies, at(scraperPod, "labels"), 8080)).as("scraper :8080").isTrue();
    assertThat(openToAll(policies, at(scraperPod, "labels"), 6667)).as("the stream port stays closed").isFalse();
    for (Map<String, Object> app : Chart.ofKind(docs, "SparkApplication")) {
      assertThat(openToAll(policies, driverPodLabels(app), 4040)).as("driver of %s :4040", (String) at(app, "metadata", "name"))
          .isTrue();
    }
  }

  @Test
  @DisplayName("the dashboard ConfigMap: the sidecar label, valid JSON equal to dashboards/jvc-streaming.json, a query per panel")
  void dashboardConfigMap() throws Exception {
    List<Map<String, Object>> docs = Chart.docs(Chart.renderYaml(
        "grafana:\n  dashboard: {labels: {team: crawl}, annotations: {grafana_folder: jvc}}\n"));
    Map<String, Object> cm = Chart.find(docs, "ConfigMap", "jvc-streaming-grafana-dashboard");
    assertThat((Map<String, Object>) at(cm, "metadata", "labels")).containsEntry("grafana_dashboard", "1")
        .containsEntry("team", "crawl");
    assertThat(Chart.annotations(cm)).containsEntry("grafana_folder", "jvc");
    String json = at(cm, "data", "jvc-streaming.json");
    JsonNode dashboard = JSON.readTree(json);
    assertThat(dashboard).isEqualTo(JSON.readTree(Files.readString(Chart.DIR.resolve("dashboards/jvc-streaming.json"))));
    assertThat(dashboard.get("uid").asString()).isEqualTo("jvc-streaming");
    int queries = 0;
    for (JsonNode panel : dashboard.get("panels")) {
      if (panel.get("type").asString().equals("row")) {
        continue;
      }
      assertThat(panel.get("targets")).as("panel %s", panel.get("title")).isNotEmpty();
      for (JsonNode target : panel.get("targets")) {
        assertThat(target.get("expr").asString()).as("panel %s", panel.get("title")).isNotBlank();
        queries++;
      }
    }
    assertThat(queries).isGreaterThan(20);

    List<Map<String, Object>> off = Chart.docs(Chart.renderYaml("grafana:\n  dashboard: {enabled: false}\n"));
    assertThat(Chart.has(off, "ConfigMap", "jvc-streaming-grafana-dashboard")).isFalse();
  }

  private static void assertNoScrapeAnnotations(List<Map<String, Object>> docs) {
    Map<String, Object> pod = at(Chart.find(docs, "Deployment", SCRAPER), "spec", "template");
    assertThat(Chart.annotations(pod)).doesNotContainKey("prometheus.io/scrape");
    for (Map<String, Object> app : Chart.ofKind(docs, "SparkApplication")) {
      assertThat((Map<String, Object>) at(app, "spec", "driver", "annotations")).isNull();
    }
  }

  private static Map<String, Object> endpoint(Map<String, Object> monitor, String list, int i) {
    return at(monitor, "spec", list, Integer.toString(i));
  }

  private static List<String> portNames(List<Map<String, Object>> ports) {
    List<String> names = new ArrayList<>();
    ports.forEach(p -> names.add((String) p.get("name")));
    return names;
  }

  /** The driver pod's labels: the SparkApplication's plus spark-role=driver, which Spark adds. */
  private static Map<String, Object> driverPodLabels(Map<String, Object> app) {
    Map<String, Object> labels = new HashMap<>(at(app, "spec", "driver", "labels"));
    labels.put("spark-role", "driver");
    return labels;
  }

  private static Map<String, Object> executorPodLabels(Map<String, Object> app) {
    Map<String, Object> labels = new HashMap<>(at(app, "spec", "executor", "labels"));
    labels.put("spark-role", "executor");
    return labels;
  }

  private static boolean selects(Map<String, Object> selector, Map<String, Object> labels) {
    return selector != null && !selector.isEmpty() && labels.entrySet().containsAll(selector.entrySet());
  }

  /** Whether every source may reach {@code port} of a pod with {@code labels} under these policies. */
  private static boolean openToAll(List<Map<String, Object>> policies, Map<String, Object> labels, int port) {
    boolean selected = false;
    for (Map<String, Object> policy : policies) {
      Map<String, Object> selector = at(policy, "spec", "podSelector", "matchLabels");
      if (selector == null || !labels.entrySet().containsAll(selector.entrySet())) {
        continue;
      }
      selected = true;
      List<Map<String, Object>> rules = at(policy, "spec", "ingress");
      for (Map<String, Object> rule : rules == null ? List.<Map<String, Object>>of() : rules) {
        List<?> from = (List<?>) rule.get("from");
        List<Map<String, Object>> ports = at(rule, "ports");
        boolean anySource = from == null || from.isEmpty();
        boolean thisPort = ports == null || ports.stream().anyMatch(p -> Integer.valueOf(port).equals(p.get("port")));
        if (anySource && thisPort) {
          return true;
        }
      }
    }
    return !selected; // no policy selects the pod: Kubernetes lets everything in
  }
}
