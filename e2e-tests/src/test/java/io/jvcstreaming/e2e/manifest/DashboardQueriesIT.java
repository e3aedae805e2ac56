package io.jvcstreaming.e2e.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jvcstreaming.e2e.manifest.PanelQueries.Metric;
import io.jvcstreaming.e2e.support.ChildProcess;
import io.jvcstreaming.e2e.support.Env;
import io.jvcstreaming.e2e.support.Scraper;
import io.jvcstreaming.e2e.support.Stack;
import io.jvcstreaming.simulator.Faults;
import io.jvcstreaming.testkit.Await;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * Every query of the Grafana dashboard the chart ships names a metric the components really expose: the chart is
 * rendered, each panel's PromQL read from the dashboard ConfigMap, and each metric it names looked up in what a
 * running scraper's {@code /metrics} and a running Spark job's {@code /metrics/prometheus/} serve (real processes
 * on the forum simulator), never in a list kept by hand.
 */
class DashboardQueriesIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  /** The suite's bound for a Spark start on a loaded box, not a timing assertion (about 20 s on an idle one). */
  private static final Duration UP = Stack.SPARK_START;

  @Test
  @DisplayName("each panel query of the chart's dashboard names metrics the scraper and a Spark job expose")
  void everyPanelQueryNamesAnExposedMetric(TestInfo info) throws Exception {
    Map<String, List<Metric>> queries = panelQueries();
    assertThat(queries).as("panel queries in the dashboard ConfigMap").hasSizeGreaterThan(20);

    try (Stack stack = new Stack(ChartAsProcessesIT.logDir(info))) {
      stack.startSimulator(11, Faults.NONE);
      // the scraper on its default local store (no Redis needed for the names); one job, as the chart runs them (the
      // topics job: the smallest graph, the quickest local-mode start), started first as it is the slow part; its
      // receiver connects once the scraper is up
      Scraper scraper = new Scraper(stack.logDir(), stack.simulator().listUrl(), null);
      int metricsPort = Env.freePort();
      try (scraper; ChildProcess spark = ChildProcess.start("spark", stack.logDir(), List.of(Env.java(), "-Xmx1g",
          "-Dspark.driver.host=127.0.0.1", "-Dspark.driver.bindAddress=127.0.0.1",
          "-Dspark.ui.showConsoleProgress=false", "-jar", Env.sparkJar().toString(), "--job", "topics",
          "--source", scraper.streamAddress(), "--batch", "1s", "--emit", "json",
          "--checkpoint-dir", stack.logDir().resolve("checkpoint").toString(),
          "--metrics-port", Integer.toString(metricsPort)), line -> { })) {
        scraper.start();
        String sparkUrl = "http://127.0.0.1:" + metricsPort + "/metrics/prometheus/";
        Map<String, String> sparkBody = new LinkedHashMap<>();
        // Spark's StreamingMetrics source is registered when the streaming context starts, the plugin's with the
        // SparkContext: both are there before the first batch
        Await.until(UP, "the Spark job's streaming and plugin metrics on " + sparkUrl, () -> {
          if (!spark.isAlive()) {
            throw new AssertionError("the Spark job exited; see " + spark.log());
          }
          String body = get(sparkUrl);
          sparkBody.put("last", body);
          return body.contains("_StreamingMetrics_streaming_") && body.contains("_JobMetricsPlugin_");
        });
        Set<String> sparkNames = exposed(sparkBody.get("last"));
        Set<String> scraperNames = exposed(scraper.get("/metrics"));
        assertThat(scraperNames).as("scraper /metrics").contains("jvc_pages_fetched_total");

        List<String> missing = new ArrayList<>();
        Set<String> usedScraper = new LinkedHashSet<>();
        Set<String> usedSpark = new LinkedHashSet<>();
        queries.forEach((query, metrics) -> {
          assertThat(metrics).as("metrics named by %s", query).isNotEmpty();
          for (Metric m : metrics) {
            List<String> inScraper = scraperNames.stream().filter(m::matches).toList();
            List<String> inSpark = sparkNames.stream().filter(m::matches).toList();
            usedScraper.addAll(inScraper);
            usedSpark.addAll(inSpark);
            if (inScraper.isEmpty() && inSpark.isEmpty()) {
              missing.add(m + " in " + query);
            }
          }
        });
        assertThat(missing).as("metrics named by the dashboard that neither component exposes;"
            + " the scraper exposes %s; the Spark job exposes %s", scraperNames, sparkNames).isEmpty();
        assertThat(usedScraper).as("scraper metrics the dashboard reads").hasSizeGreaterThan(10);
        assertThat(usedSpark).as("Spark metrics the dashboard reads")
            .anyMatch(n -> n.contains("StreamingMetrics")).anyMatch(n -> n.contains("JobMetricsPlugin"));
      }
    }
  }

  /** "panel title: expr" to the metrics it names, from the dashboard ConfigMap of the rendered chart. */
  private static Map<String, List<Metric>> panelQueries() throws Exception {
    List<Map<String, Object>> docs = RenderedChart.render(Env.repo(), null, Map.of());
    Map<String, Object> configMap = docs.stream().filter(d -> "ConfigMap".equals(d.get("kind"))
            && "jvc-streaming-grafana-dashboard".equals(Tree.at(d, "metadata", "name"))).findFirst()
        .orElseThrow(() -> new AssertionError("no dashboard ConfigMap in the rendered chart"));
    JsonNode dashboard = JSON.readTree((String) Tree.at(configMap, "data", "jvc-streaming.json"));
    Map<String, List<Metric>> out = new LinkedHashMap<>();
    for (JsonNode panel : dashboard.get("panels")) {
      for (JsonNode target : panel.path("targets")) {
        String expr = target.get("expr").asText();
        out.put(panel.get("title").asText() + ": " + expr, PanelQueries.metrics(expr));
      }
    }
    return out;
  }

  /**
   * Every series name in a Prometheus text page, plus the names its {@code # TYPE} lines declare (a labelled
   * counter with no sample yet, e.g. parse errors by reason, is still exposed), histograms with their suffixes.
   */
  static Set<String> exposed(String body) {
    Set<String> names = new LinkedHashSet<>();
    for (String line : body.split("\n")) {
      if (line.startsWith("# TYPE ")) {
        String[] parts = line.split(" ");
        names.add(parts[2]);
        if (parts.length > 3 && parts[3].equals("histogram")) {
          names.addAll(List.of(parts[2] + "_bucket", parts[2] + "_sum", parts[2] + "_count"));
        }
      } else if (!line.isBlank() && !line.startsWith("#")) {
        int end = line.indexOf('{');
        names.add((end >= 0 ? line.substring(0, end) : line.substring(0, line.indexOf(' '))).strip());
      }
    }
    return names;
  }

  private static String get(String url) {
    try {
      HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3))
          .build(), HttpResponse.BodyHandlers.ofString());
      return r.statusCode() == 200 ? r.body() : "";
    } catch (Exception e) {
      return "";
    }
  }
}
