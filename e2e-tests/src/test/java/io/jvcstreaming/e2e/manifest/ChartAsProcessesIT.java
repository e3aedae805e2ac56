package io.jvcstreaming.e2e.manifest;

import io.jvcstreaming.e2e.support.Env;
import io.jvcstreaming.e2e.support.LogTails;
import io.jvcstreaming.simulator.ForumSimulator;
import io.jvcstreaming.simulator.SimulatorConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The rendered chart run as processes on this machine (issue #11): every container it describes — Redis, the
 * scraper, the simulator and the dashboard when enabled, each SparkApplication's driver in local mode — with the
 * command, arguments and environment of the manifests (see {@link LocalMapping} for the image table and what is not
 * emulated), each on a loopback address of its own; then every probe must answer there, posts must reach every job's
 * report, and the dashboard (when enabled) must show every job's results.
 */
@ExtendWith(LogTails.class)
class ChartAsProcessesIT {

  /** What k8s/minikube.sh --demo sets, plus the dashboard; a values-demo.yaml in the chart replaces it. */
  static final Map<String, String> DEMO_SETS = Map.of("simulator.enabled", "true", "dashboard.enabled", "true");

  @Test
  @Tag("long") // demoValues runs the same workloads plus the simulator and the dashboard
  void defaultValues(TestInfo info) {
    Path repo = Env.repo();
    // The default values scrape the real forum, which this machine cannot reach: the simulator (same paths and
    // markup) stands in for it, outside the chart, as the internet does for a cluster.
    try (ForumSimulator forum = ForumSimulator.start(SimulatorConfig.defaults().withHost("127.0.200.1").withPort(0)
            .withTopics(60).withLiveRate(5));
         ManifestRun run = new ManifestRun("chart (default values)", logDir(info))) {
      run.hosts().external("https://www.jeuxvideo.com", forum.origin());
      run.note("https://www.jeuxvideo.com is the forum simulator at " + forum.origin() + " (started by the test)");
      runChart(run, repo, RenderedChart.render(repo, null, Map.of()));
    }
  }

  @Test
  void demoValues(TestInfo info) {
    Path repo = Env.repo();
    Path demoFile = RenderedChart.dir(repo).resolve("values-demo.yaml");
    try (ManifestRun run = new ManifestRun("chart (demo values)", logDir(info))) {
      List<Map<String, Object>> docs = Files.isRegularFile(demoFile)
          ? RenderedChart.render(repo, demoFile, Map.of())
          : RenderedChart.render(repo, null, DEMO_SETS);
      run.note("demo values: " + (Files.isRegularFile(demoFile) ? demoFile : "--set " + DEMO_SETS));
      runChart(run, repo, docs);
    }
  }

  private static void runChart(ManifestRun run, Path repo, List<Map<String, Object>> docs) {
    ChartWorkloads.Chart chart = ChartWorkloads.read(docs, RenderedChart.NAMESPACE, run::ip);
    for (ChartWorkloads.ServiceEntry s : chart.services()) {
      run.hosts().service(s.name(), chart.namespace(), s.workload(), run.ip(s.workload()), s.ports());
    }
    chart.notes().forEach(run::note);
    run.run(repo, chart.workloads(), true);
  }

  static Path logDir(TestInfo info) {
    return Env.logRoot().resolve(info.getTestClass().orElseThrow().getSimpleName())
        .resolve(info.getTestMethod().orElseThrow().getName());
  }
}
