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

  /** The fallback of a ${VAR:-default} interpolation, or fails when the value is not one. */
  static String fallback(String interpolation, String variable) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\$\\{" + variable + ":-([^}]*)}")
        .matcher(interpolation);
    assertThat(m.find()).as("%s uses ${%s:-...}", interpolation, variable).isTrue();
    return m.group(1);
  }

  @Test
  @DisplayName("redis persists with AOF on a named volume and requires the password from the environment")
  void redis() {
    Map<String, Object> redis = services.get("redis");
    List<String> command = at(redis, "command");
    assertThat(command.subList(0, 2)).containsExactly("sh", "-c");
    assertThat(command.get(2)).startsWith("exec redis-server --appendonly yes")
        .contains("--requirepass \"$$REDIS_PASSWORD\"").doesNotContain("--protected-mode");
    Map<String, Object> env = at(redis, "environment");
    String password = fallback((String) env.get("REDIS_PASSWORD"), "REDIS_PASSWORD");
    assertThat(command.get(2)).doesNotContain(password);
    assertThat(env.get("REDISCLI_AUTH")).isEqualTo(env.get("REDIS_PASSWORD"));
    assertThat((Object) at(redis, "user")).isEqualTo("999:1000");
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
    assertThat(env).containsEntry("JVC_STREAM_HOST", "0.0.0.0").containsEntry("JVC_STORE", "redis")
        .containsEntry("JVC_LEADER_ELECTION", "false").containsKeys("JVC_FORUM_URL", "JVC_DATA_DIR")
        .doesNotContainKey("JVC_RESULTS_TOKEN");
    assertThat((String) env.get("JVC_FORUM_URL")).startsWith("${JVC_FORUM_URL:-https://www.jeuxvideo.com/forums/");
    assertThat((Object) at(s, "depends_on", "redis", "condition")).isEqualTo("service_healthy");
    assertThat((Object) at(s, "read_only")).isEqualTo(true);
    assertThat((Object) at(s, "init")).isEqualTo(true);
  }

  @Test
  @DisplayName("the stream token, the Redis password and the results token are on by default, one value each")
  void credentials() {
    Map<String, Object> redisEnv = at(services.get("redis"), "environment");
    String password = fallback((String) redisEnv.get("REDIS_PASSWORD"), "REDIS_PASSWORD");
    String redisUrl = "redis://:${REDIS_PASSWORD:-" + password + "}@redis:6379";
    List<String> consumers = new java.util.ArrayList<>(chartJobs());
    consumers.addAll(List.of("scraper", "dashboard"));
    for (String name : consumers) {
      Map<String, Object> env = at(services.get(name), "environment");
      assertThat(env).as(name).containsEntry("REDIS_URL", redisUrl)
          .containsEntry("STREAM_TOKEN", "${STREAM_TOKEN:-jvc-local-stream-token}");
      if (!name.equals("scraper")) {
        assertThat(env).as(name).containsEntry("JVC_RESULTS_TOKEN", "${JVC_RESULTS_TOKEN:-jvc-local-results-token}");
      }
    }
    // docker/.env.example documents the very defaults the compose file falls back to
    Map<String, String> example = Chart.read(Chart.REPO.resolve("docker/.env.example")).lines()
        .filter(l -> !l.isBlank() && !l.startsWith("#")).map(l -> l.split("=", 2))
        .collect(Collectors.toMap(kv -> kv[0], kv -> kv[1]));
    assertThat(example).containsEntry("REDIS_PASSWORD", password)
        .containsEntry("STREAM_TOKEN", "jvc-local-stream-token")
        .containsEntry("JVC_RESULTS_TOKEN", "jvc-local-results-token").containsEntry("JVC_TAG", "1.0.0-SNAPSHOT");
  }

  @Test
  @DisplayName("the Spark image is built once (by stickers); the other jobs run that image and never build or pull it")
  void oneSparkBuild() {
    List<String> builders = services.entrySet().stream()
        .filter(e -> "spark-analytics/Dockerfile".equals(at(e.getValue(), "build", "dockerfile")))
        .map(Map.Entry::getKey).collect(Collectors.toList());
    assertThat(builders).containsExactly("stickers");
    for (String job : chartJobs()) {
      Map<String, Object> s = services.get(job);
      assertThat((Object) at(s, "image")).as(job).isEqualTo("jvc-streaming/spark-analytics:${JVC_TAG:-1.0.0-SNAPSHOT}");
      if (!job.equals("stickers")) {
        assertThat(s).as(job).doesNotContainKey("build").containsEntry("pull_policy", "never");
      }
    }
  }

  @Test
  @DisplayName("each job service runs its own --job in local[2] with its own checkpoint dir, under an init, once its peers are healthy")
  void jobs() {
    for (String job : chartJobs()) {
      Map<String, Object> s = services.get(job);
      List<String> cmd = at(s, "command");
      assertThat(cmd).as(job).startsWith("/opt/spark/bin/spark-submit", "--master", "local[2]")
          .containsSequence("--class", "io.jvcstreaming.analytics.AnalyticsMain", "local:///opt/app/spark-analytics.jar")
          .containsSequence("--job", job).containsSequence("--source", "scraper:6667")
          .containsSequence("--checkpoint-dir", "/checkpoints/" + job)
          .containsSequence("--publish-url", "http://dashboard:8090/api/results");
      assertThat((Object) at(s, "environment", "SCRAPER_ADDR")).isEqualTo("scraper:6667");
      assertThat((Object) at(s, "environment", "JVC_APP_VERSION")).isEqualTo("${JVC_TAG:-1.0.0-SNAPSHOT}");
      assertThat((Object) at(s, "init")).as(job).isEqualTo(true);
      for (String peer : List.of("redis", "scraper", "dashboard")) {
        assertThat((Object) at(s, "depends_on", peer, "condition")).as(job + " -> " + peer).isEqualTo("service_healthy");
      }
      assertThat((List<String>) at(s, "volumes")).containsExactly("checkpoints:/checkpoints");
      assertThat((Object) at(s, "profiles")).isNull();
    }
  }

  @Test
  @DisplayName("whatever a service waits for has a healthcheck, and every wait is on health")
  void healthBasedDependencies() {
    services.forEach((name, s) -> {
      Map<String, Map<String, Object>> deps = at(s, "depends_on");
      if (deps != null) {
        deps.forEach((peer, dep) -> {
          assertThat(dep.get("condition")).as(name + " -> " + peer).isEqualTo("service_healthy");
          assertThat((Object) at(services.get(peer), "healthcheck", "test")).as(peer).isNotNull();
        });
      }
    });
  }

  @Test
  @DisplayName("the dashboard listens on 0.0.0.0:8090, reports healthy on /health, and reads Redis, the stream and the metrics")
  void dashboard() {
    Map<String, Object> d = services.get("dashboard");
    assertThat((List<String>) at(d, "ports")).containsExactly("8090:8090");
    assertThat((Map<String, Object>) at(d, "environment")).containsEntry("JVC_DASHBOARD_PORT", "8090")
        .containsEntry("JVC_DASHBOARD_HOST", "0.0.0.0").containsEntry("SCRAPER_ADDR", "scraper:6667")
        .containsEntry("JVC_SCRAPER_METRICS_URL", "http://scraper:8080/metrics");
    assertThat(String.join(" ", (List<String>) at(d, "healthcheck", "test"))).contains("127.0.0.1/8090")
        .contains("GET /health");
    assertThat((Object) at(d, "init")).isEqualTo(true);
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
