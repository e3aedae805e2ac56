package io.jvcstreaming.helm;

import static io.jvcstreaming.helm.Chart.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** docker/docker-compose.yml: services, ports, env, dependencies and profiles match the contracts and the jobs list. */
class ComposeFileTest {

  static Map<String, Object> compose;
  static Map<String, Map<String, Object>> services;

  @BeforeAll
  @SuppressWarnings("unchecked")
  static void load() {
    compose = Chart.docs(Chart.read(Chart.REPO.resolve("docker/docker-compose.yml"))).get(0);
    services = (Map<String, Map<String, Object>>) compose.get("services");
  }

  /** The jobs of the chart's default values: compose runs the same set, one service each. */
  @SuppressWarnings("unchecked")
  static List<String> chartJobs() {
    Map<String, Object> values = Chart.docs(Chart.read(Chart.DIR.resolve("values.yaml"))).get(0);
    return ((List<Map<String, Object>>) values.get("jobs")).stream().map(j -> (String) j.get("job"))
        .collect(Collectors.toList());
  }

  @Test
  @DisplayName("has redis, scraper, dashboard, simulator and exactly one service per chart job")
  void services() {
    assertThat(chartJobs()).containsExactly("stickers", "authors", "words", "pseudo", "topics");
    assertThat(services.keySet()).containsExactlyInAnyOrder("redis", "scraper", "dashboard", "simulator",
        "stickers", "authors", "words", "pseudo", "topics");
  }

  @Test
  @DisplayName("redis persists with AOF on a named volume")
  void redis() {
    Map<String, Object> redis = services.get("redis");
    assertThat((List<String>) at(redis, "command")).containsSequence("--appendonly", "yes");
    assertThat((List<String>) at(redis, "volumes")).containsExactly("redis-data:/data");
    assertThat((Map<String, Object>) compose.get("volumes")).containsKeys("redis-data", "checkpoints");
  }

  @Test
  @DisplayName("the scraper builds from its Dockerfile, exposes 6667/8080 and gets its settings from env")
  void scraper() {
    Map<String, Object> s = services.get("scraper");
    assertThat((Object) at(s, "build", "context")).isEqualTo("..");
    assertThat((Object) at(s, "build", "dockerfile")).isEqualTo("scraper-vertx/Dockerfile");
    assertThat((List<String>) at(s, "ports")).containsExactlyInAnyOrder("6667:6667", "8080:8080");
    Map<String, Object> env = at(s, "environment");
    assertThat(env).containsEntry("REDIS_URL", "redis://redis:6379").containsEntry("JVC_STREAM_HOST", "0.0.0.0")
        .containsEntry("JVC_LEADER_ELECTION", "false").containsKeys("JVC_FORUM_URL", "STREAM_TOKEN");
    assertThat((String) env.get("JVC_FORUM_URL")).startsWith("${JVC_FORUM_URL:-https://www.jeuxvideo.com/forums/");
    assertThat((Object) at(s, "depends_on", "redis", "condition")).isEqualTo("service_healthy");
    assertThat((Object) at(s, "read_only")).isEqualTo(true);
  }

  @Test
  @DisplayName("each job service runs its own --job in local[2] with its own checkpoint dir, after the scraper")
  void jobs() {
    for (String job : chartJobs()) {
      Map<String, Object> s = services.get(job);
      assertThat((Object) at(s, "image")).as(job).isEqualTo("jvc-streaming/spark-analytics:${JVC_TAG:-1.0.0-SNAPSHOT}");
      assertThat((Object) at(s, "build", "dockerfile")).isEqualTo("spark-analytics/Dockerfile");
      List<String> cmd = at(s, "command");
      assertThat(cmd).as(job).startsWith("/opt/spark/bin/spark-submit", "--master", "local[2]")
          .containsSequence("--class", "io.jvcstreaming.analytics.AnalyticsMain", "local:///opt/app/spark-analytics.jar")
          .containsSequence("--job", job).containsSequence("--source", "scraper:6667")
          .containsSequence("--checkpoint-dir", "/checkpoints/" + job)
          .containsSequence("--publish-url", "http://dashboard:8090/api/results");
      assertThat((Object) at(s, "environment", "SCRAPER_ADDR")).isEqualTo("scraper:6667");
      assertThat((Object) at(s, "depends_on", "scraper", "condition")).isEqualTo("service_started");
      assertThat((List<String>) at(s, "volumes")).containsExactly("checkpoints:/checkpoints");
      assertThat((Object) at(s, "profiles")).isNull();
    }
  }

  @Test
  @DisplayName("the dashboard listens on 8090 and reads Redis, the stream and the scraper's metrics")
  void dashboard() {
    Map<String, Object> d = services.get("dashboard");
    assertThat((List<String>) at(d, "ports")).containsExactly("8090:8090");
    assertThat((Map<String, Object>) at(d, "environment")).containsEntry("JVC_DASHBOARD_PORT", "8090")
        .containsEntry("REDIS_URL", "redis://redis:6379").containsEntry("SCRAPER_ADDR", "scraper:6667")
        .containsEntry("JVC_SCRAPER_METRICS_URL", "http://scraper:8080/metrics");
  }

  @Test
  @DisplayName("the simulator only runs under the demo profile, on 8089")
  void simulator() {
    Map<String, Object> sim = services.get("simulator");
    assertThat((List<String>) at(sim, "profiles")).containsExactly("demo");
    assertThat((List<String>) at(sim, "ports")).containsExactly("8089:8089");
    assertThat((Map<String, Object>) at(sim, "environment")).containsEntry("SIM_HOST", "0.0.0.0")
        .containsEntry("SIM_PORT", "8089");
    services.forEach((name, s) -> {
      if (!name.equals("simulator")) {
        assertThat((Object) at(s, "profiles")).as(name).isNull();
      }
    });
  }
}
