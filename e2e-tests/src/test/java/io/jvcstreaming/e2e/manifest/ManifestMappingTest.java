package io.jvcstreaming.e2e.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jvcstreaming.e2e.support.Env;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The pure decisions of the chart/compose-as-processes mapping, table-driven. */
class ManifestMappingTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "redis://:$(REDIS_PASSWORD)@h:6379 | redis://:s3cret@h:6379",
      "$(UNDEFINED)/x                     | $(UNDEFINED)/x",
      "$$(REDIS_PASSWORD)                 | $(REDIS_PASSWORD)",
      "cost $$5                           | cost $5",
      "$(REDIS_PASSWORD                   | $(REDIS_PASSWORD",
  })
  void kubeletExpandsVariables(String in, String out) {
    assertThat(KubeEnv.expand(in, Map.of("REDIS_PASSWORD", "s3cret"))).isEqualTo(out);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "512Mi | 536870912",
      "1Gi   | 1073741824",
      "500M  | 500000000",
      "1000  | 1000",
  })
  void quantities(String q, long bytes) {
    assertThat(KubeEnv.bytes(q)).isEqualTo(bytes);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', nullValues = "NULL", value = {
      "${JVC_TAG:-1.0.0-SNAPSHOT} | 1.0.0-SNAPSHOT",
      "${SET:-d}                  | v",
      "${EMPTY:-d}                | d",
      "${EMPTY-d}                 | ''",
      "${UNSET-d}                 | d",
      "${STREAM_TOKEN:-}          | ''",
      "a$$b                       | a$b",
      "$SET/x                     | v/x",
  })
  void composeInterpolates(String in, String out) {
    assertThat(ComposeWorkloads.interpolate(in, Map.of("SET", "v", "EMPTY", ""))).isEqualTo(out);
  }

  @Test
  void composeRefusesARequiredVariableThatIsUnset() {
    assertThatThrownBy(() -> ComposeWorkloads.interpolate("${TOKEN:?set a token}", Map.of()))
        .hasMessageContaining("TOKEN").hasMessageContaining("set a token");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "redis://jvc-redis:6379                                  | redis://127.0.100.1:6379",
      "redis://:pw@jvc-redis:6379/0                            | redis://:pw@127.0.100.1:6379/0",
      "jvc-scraper.ns.svc.cluster.local:6667                   | 127.0.100.2:16667",
      "http://jvc-scraper:8080/metrics                         | http://127.0.100.2:8080/metrics",
      "http://jvc-scraper/metrics                              | http://127.0.100.2/metrics",
      "jvc-scraper-0                                           | jvc-scraper-0",
      "/checkpoints/jvc-scraper                                | /checkpoints/jvc-scraper",
      "jvc-scraper                                             | jvc-scraper",
      "redis://redis:6379                                      | redis://127.0.100.3:6379",
      "redis-server                                            | redis-server",
      "https://www.jeuxvideo.com/forums/0-51-0-1-0-1-0-a.htm   | http://127.0.200.1:4567/forums/0-51-0-1-0-1-0-a.htm",
  })
  void hostNamesBecomeTheWorkloadsAddresses(String in, String out) {
    HostMap hosts = new HostMap();
    hosts.service("jvc-redis", "ns", "redis-w", "127.0.100.1", Map.of(6379, 6379));
    hosts.service("jvc-scraper", "ns", "scraper-w", "127.0.100.2", Map.of(6667, 6667, 8080, 8080));
    hosts.service("redis", null, "redis", "127.0.100.3", Map.of());
    hosts.external("https://www.jeuxvideo.com", "http://127.0.200.1:4567");
    hosts.remap("scraper-w", 6667, 16667);
    assertThat(hosts.rewrite(in)).isEqualTo(out);
  }

  @Test
  void mountPathsBecomeLocalDirectoriesWhereverTheManifestWritesThem(@org.junit.jupiter.api.io.TempDir Path tmp) {
    Workload w = new Workload("redis", "redis:7", List.of("sh", "-c"),
        List.of("exec redis-server --dir /data --requirepass \"$P\" --logfile /database.log", "--dir=/data/x",
            "/data", "http://h/data"),
        Map.of(), Map.of(), List.of(), Map.of("/data", "volume-redis-data"), Map.of(), 0, null);
    LocalMapping.Local local = new LocalMapping(Env.repo(), new HostMap(), new PortPlan(List.of()), tmp)
        .map(w, "127.0.100.1", false);
    String data = tmp.resolve("volume-redis-data").toString();
    assertThat(local.argv()).containsExactly("sh", "-c",
        "exec redis-server --dir " + data + " --requirepass \"$P\" --logfile /database.log", "--dir=" + data + "/x",
        data, "http://h/data");
  }

  @Test
  void aServicePortLeadsToItsTargetPort() {
    HostMap hosts = new HostMap();
    hosts.service("web", "ns", "web-w", "127.0.100.1", Map.of(80, 8080));
    assertThat(hosts.rewrite("http://web.ns.svc:80/x")).isEqualTo("http://127.0.100.1:8080/x");
  }

  @Test
  void portsClaimedTwiceAreMovedByTheOffset() {
    PortPlan plan = new PortPlan(List.of(
        new PortPlan.Claim("a", 4040, "Spark UI"), new PortPlan.Claim("b", 4040, "Spark UI"),
        new PortPlan.Claim("c", 4040, "Spark UI"), new PortPlan.Claim("d", 4140, "port x"),
        new PortPlan.Claim("e", 8080, "port http")));
    assertThat(plan.local("a", 4040)).isEqualTo(4040);
    assertThat(plan.local("b", 4040)).isEqualTo(4140);
    assertThat(plan.local("c", 4040)).isEqualTo(4240);
    assertThat(plan.local("d", 4140)).as("4140 is b's already").isEqualTo(4240 + PortPlan.OFFSET);
    assertThat(plan.local("e", 8080)).isEqualTo(8080);
    assertThat(plan.remapsOf("e")).isEmpty();
    assertThat(plan.remaps()).hasSize(3);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '#', value = {
      "== stickers (last 10m) | batch 12:00:03 | posts: 3 this batch, 10 total | top 3 == # stickers # 3 # 10",
      "== topics | batch 12:00:03 | posts: 0 this batch, 0 total | top 0 ==               # topics   # 0 # 0",
      "{\"job\":\"authors\",\"batchTime\":1,\"posts\":2,\"totalPosts\":7,\"top\":[]}          # authors  # 2 # 7",
  })
  void reportLines(String line, String job, long posts, long total) {
    assertThat(ReportLine.parse(line)).contains(new ReportLine(job, posts, total));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '#', value = {"-- stickers | someone | 2026-01-01 | seq 1", "  1  ▲  12  :noel:", "{\"other\":1}"})
  void otherLinesAreNoReports(String line) {
    assertThat(ReportLine.parse(line)).isEmpty();
  }

  @Test
  void theScraperImageRunsItsJarWithTheDockerfilesEnvAndEntrypoint() {
    Path repo = Env.repo();
    Dockerfile d = Dockerfile.read(repo.resolve(LocalMapping.DOCKERFILES.get("jvc-streaming/scraper")), repo);
    assertThat(d.entrypoint()).contains("-jar").last().isEqualTo("/opt/app/scraper-vertx.jar");
    assertThat(d.copied()).containsEntry("/opt/app/scraper-vertx.jar",
        repo.resolve("scraper-vertx/target/scraper-vertx.jar"));
    assertThat(d.env()).containsEntry("JVC_STREAM_HOST", "0.0.0.0").containsKey("JDK_JAVA_OPTIONS");
  }

  @Test
  void composeOrdersByDependsOnAndSkipsInactiveProfiles() {
    String yaml = """
        services:
          job:
            image: x
            depends_on: {scraper: {condition: service_started}}
          scraper:
            image: x
            depends_on:
              redis:
                condition: service_healthy
            environment: ["A=1", "B=${B:-2}"]
          redis:
            image: redis
            healthcheck: {test: ["CMD", "redis-cli", "ping"]}
          demo:
            image: x
            profiles: [demo]
        """;
    List<Workload> w = ComposeWorkloads.read(yaml, Map.of(), Set.of());
    assertThat(w).extracting(Workload::name).containsExactly("redis", "scraper", "job");
    assertThat(w.get(1).env()).containsEntry("A", "1").containsEntry("B", "2");
    assertThat(w.get(1).dependsOn()).containsEntry("redis", "service_healthy");
    assertThat(w.get(0).probes()).singleElement().extracting(Probe::command).isEqualTo(List.of("redis-cli", "ping"));
    assertThat(ComposeWorkloads.read(yaml, Map.of(), Set.of("demo"))).extracting(Workload::name).contains("demo");
  }

  @Test
  void composeRefusesADependencyThatIsNotStarted() {
    String yaml = """
        services:
          scraper: {image: x, depends_on: [simulator]}
          simulator: {image: x, profiles: [demo]}
        """;
    assertThatThrownBy(() -> ComposeWorkloads.read(yaml, Map.of(), Set.of()))
        .hasMessageContaining("simulator").hasMessageContaining("not started");
  }
}
