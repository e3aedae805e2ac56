package io.jvcstreaming.helm;

import static io.jvcstreaming.helm.Chart.at;
import static io.jvcstreaming.helm.Chart.find;
import static io.jvcstreaming.helm.Chart.has;
import static io.jvcstreaming.helm.Chart.ofKind;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Secure by default: credentials only in Secrets, Redis with a password, confined pods, executors without API rights. */
class SecurityDefaultsTest {

  static final String CREDENTIALS = "jvc-streaming-credentials";
  /** Every optional pod on: all the pod specs the chart can produce (helm-java's template leaves hooks out). */
  static List<Map<String, Object>> everything;

  @BeforeAll
  static void render() {
    everything = Chart.docs(Chart.render(Map.of("dashboard.enabled", true, "simulator.enabled", true,
        "scraper.replicas", 2)));
  }

  static Map<String, String> decoded(Map<String, Object> secret) {
    Map<String, Object> data = at(secret, "data");
    return data.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
        e -> new String(Base64.getDecoder().decode((String) e.getValue()), StandardCharsets.UTF_8)));
  }

  static List<Map<String, Object>> containers(Map<String, Object> podSpec) {
    List<Map<String, Object>> out = new ArrayList<>(Objects.requireNonNullElse(at(podSpec, "containers"), List.of()));
    out.addAll(Objects.requireNonNullElse(at(podSpec, "initContainers"), List.of()));
    return out;
  }

  /** kind/name -> pod spec of every workload and bare pod. */
  static Map<String, Map<String, Object>> podSpecs(List<Map<String, Object>> docs) {
    Map<String, Map<String, Object>> out = new java.util.LinkedHashMap<>();
    for (Map<String, Object> d : docs) {
      String id = d.get("kind") + "/" + at(d, "metadata", "name");
      switch (String.valueOf(d.get("kind"))) {
        case "Deployment", "StatefulSet", "DaemonSet", "Job" -> out.put(id, at(d, "spec", "template", "spec"));
        case "Pod" -> out.put(id, at(d, "spec"));
        default -> {
        }
      }
    }
    return out;
  }

  @Test
  @DisplayName("the generated Secret holds every credential, and the Redis URL carries the Redis password")
  void generatedCredentials() {
    Map<String, String> creds = decoded(find(everything, "Secret", CREDENTIALS));
    assertThat(creds).containsOnlyKeys("stream-token", "redis-password", "redis-url", "results-token");
    assertThat(creds.get("stream-token")).matches("[A-Za-z0-9]{40}");
    assertThat(creds.get("results-token")).matches("[A-Za-z0-9]{40}").isNotEqualTo(creds.get("stream-token"));
    assertThat(creds.get("redis-url")).isEqualTo("redis://:" + creds.get("redis-password") + "@jvc-streaming-redis:6379");
  }

  @Test
  @DisplayName("no credential appears in any other rendered document: not in ConfigMaps, args, env values or sparkConf")
  void noSecretValueOutsideTheSecret() {
    Map<String, String> creds = decoded(find(everything, "Secret", CREDENTIALS));
    List<Map<String, Object>> others = everything.stream()
        .filter(d -> !("Secret".equals(d.get("kind")) && CREDENTIALS.equals(at(d, "metadata", "name")))).toList();
    assertThat(others).hasSizeGreaterThan(20);
    for (Map<String, Object> doc : others) {
      String text = Chart.YAML.writeValueAsString(doc);
      for (Map.Entry<String, String> c : creds.entrySet()) {
        assertThat(text).as("%s/%s holds %s", doc.get("kind"), at(doc, "metadata", "name"), c.getKey())
            .doesNotContain(c.getValue());
      }
    }
    // and, more narrowly, what people read most: ConfigMaps hold settings only, args hold no password
    for (Map<String, Object> cm : ofKind(everything, "ConfigMap")) {
      assertThat(((Map<String, Object>) at(cm, "data")).keySet()).noneMatch(k -> k.contains("TOKEN")
          || k.contains("PASSWORD") || k.equals("REDIS_URL"));
    }
    List<String> args = at(find(everything, "StatefulSet", "jvc-streaming-redis"), "spec", "template", "spec",
        "containers", "0", "args");
    assertThat(args).containsSequence("--requirepass", "$(REDIS_PASSWORD)");
  }

  @Test
  @DisplayName("every consumer reads its credentials through secretKeyRef")
  void credentialsThroughSecretKeyRefs() {
    for (String deployment : List.of("jvc-streaming-scraper", "jvc-streaming-dashboard")) {
      Map<String, Map<String, Object>> env = Chart.env(at(find(everything, "Deployment", deployment), "spec",
          "template", "spec", "containers", "0"));
      assertThat((Object) at(env.get("REDIS_URL"), "valueFrom", "secretKeyRef")).as(deployment)
          .isEqualTo(Map.of("name", CREDENTIALS, "key", "redis-url"));
      assertThat((Object) at(env.get("STREAM_TOKEN"), "valueFrom", "secretKeyRef")).as(deployment)
          .isEqualTo(Map.of("name", CREDENTIALS, "key", "stream-token"));
    }
    Map<String, Map<String, Object>> dashboard = Chart.env(at(find(everything, "Deployment",
        "jvc-streaming-dashboard"), "spec", "template", "spec", "containers", "0"));
    assertThat((Object) at(dashboard.get("JVC_RESULTS_TOKEN"), "valueFrom", "secretKeyRef"))
        .isEqualTo(Map.of("name", CREDENTIALS, "key", "results-token"));
    for (Map<String, Object> app : ofKind(everything, "SparkApplication")) {
      Map<String, Object> conf = at(app, "spec", "sparkConf");
      assertThat(conf).containsEntry("spark.kubernetes.driver.secretKeyRef.STREAM_TOKEN", CREDENTIALS + ":stream-token")
          .containsEntry("spark.kubernetes.executor.secretKeyRef.STREAM_TOKEN", CREDENTIALS + ":stream-token")
          .containsEntry("spark.kubernetes.driver.secretKeyRef.JVC_RESULTS_TOKEN", CREDENTIALS + ":results-token")
          .containsEntry("spark.kubernetes.driver.secretKeyRef.REDIS_URL", CREDENTIALS + ":redis-url")
          .doesNotContainKeys("spark.kubernetes.executor.secretKeyRef.JVC_RESULTS_TOKEN",
              "spark.kubernetes.executor.secretKeyRef.REDIS_URL");
    }
  }

  @Test
  @DisplayName("Redis requires the password from the Secret, keeps protected mode, and its probes authenticate")
  void redisRequiresThePassword() {
    Map<String, Object> c = at(find(everything, "StatefulSet", "jvc-streaming-redis"), "spec", "template", "spec",
        "containers", "0");
    assertThat((List<String>) at(c, "args")).contains("--requirepass").doesNotContain("--protected-mode");
    Map<String, Map<String, Object>> env = Chart.env(c);
    for (String name : List.of("REDIS_PASSWORD", "REDISCLI_AUTH")) {
      assertThat((Object) at(env.get(name), "valueFrom", "secretKeyRef"))
          .isEqualTo(Map.of("name", CREDENTIALS, "key", "redis-password"));
    }
    // $(REDIS_PASSWORD) is only expanded by the kubelet when the variable is defined in the same container
    assertThat(List.copyOf(env.keySet()).indexOf("REDIS_PASSWORD")).isNotNegative();
    assertThat((Object) at(c, "livenessProbe", "exec", "command")).isEqualTo(List.of("redis-cli", "ping"));
  }

  @Test
  @DisplayName("existing Secrets replace the generated one, with their own keys")
  void existingSecrets() {
    List<Map<String, Object>> docs = Chart.docs(Chart.render(Map.of("dashboard.enabled", true,
        "scraper.streamToken.existingSecret", "tok", "scraper.streamToken.key", "t",
        "redis.auth.existingSecret", "redis-creds", "redis.auth.passwordKey", "pw", "redis.auth.urlKey", "url",
        "dashboard.resultsToken.existingSecret", "res", "dashboard.resultsToken.key", "r")));
    assertThat(ofKind(docs, "Secret")).isEmpty();
    Map<String, Map<String, Object>> env = Chart.env(at(find(docs, "Deployment", "jvc-streaming-dashboard"), "spec",
        "template", "spec", "containers", "0"));
    assertThat((Object) at(env.get("STREAM_TOKEN"), "valueFrom", "secretKeyRef")).isEqualTo(Map.of("name", "tok",
        "key", "t"));
    assertThat((Object) at(env.get("REDIS_URL"), "valueFrom", "secretKeyRef")).isEqualTo(Map.of("name",
        "redis-creds", "key", "url"));
    assertThat((Object) at(env.get("JVC_RESULTS_TOKEN"), "valueFrom", "secretKeyRef")).isEqualTo(Map.of("name",
        "res", "key", "r"));
    Map<String, Map<String, Object>> redis = Chart.env(at(find(docs, "StatefulSet", "jvc-streaming-redis"), "spec",
        "template", "spec", "containers", "0"));
    assertThat((Object) at(redis.get("REDIS_PASSWORD"), "valueFrom", "secretKeyRef")).isEqualTo(Map.of("name",
        "redis-creds", "key", "pw"));
    Map<String, Object> conf = at(ofKind(docs, "SparkApplication").get(0), "spec", "sparkConf");
    assertThat(conf).containsEntry("spark.kubernetes.executor.secretKeyRef.STREAM_TOKEN", "tok:t")
        .containsEntry("spark.kubernetes.driver.secretKeyRef.JVC_RESULTS_TOKEN", "res:r")
        .containsEntry("spark.kubernetes.driver.secretKeyRef.REDIS_URL", "redis-creds:url");
  }

  @Test
  @DisplayName("streamToken.enabled=false: no STREAM_TOKEN anywhere and none generated")
  void streamTokenOff() {
    String yaml = Chart.render(Map.of("scraper.streamToken.enabled", false));
    assertThat(yaml).doesNotContain("STREAM_TOKEN");
    assertThat(decoded(find(Chart.docs(yaml), "Secret", CREDENTIALS))).doesNotContainKey("stream-token");
  }

  @Test
  @DisplayName("every pod and every Spark pod: seccomp RuntimeDefault, non-root, no privilege escalation, no capabilities")
  void everyPodIsConfined() {
    Map<String, Map<String, Object>> pods = podSpecs(everything);
    assertThat(pods.keySet()).contains("Deployment/jvc-streaming-scraper", "StatefulSet/jvc-streaming-redis",
        "Deployment/jvc-streaming-dashboard", "Deployment/jvc-streaming-simulator");
    pods.forEach((id, pod) -> {
      assertThat((Object) at(pod, "securityContext", "seccompProfile", "type")).as(id).isEqualTo("RuntimeDefault");
      assertThat((Object) at(pod, "securityContext", "runAsNonRoot")).as(id).isEqualTo(true);
      for (Map<String, Object> c : containers(pod)) {
        assertThat((Object) at(c, "securityContext", "allowPrivilegeEscalation")).as(id).isEqualTo(false);
        assertThat((Object) at(c, "securityContext", "readOnlyRootFilesystem")).as(id).isEqualTo(true);
        assertThat((Object) at(c, "securityContext", "capabilities", "drop")).as(id).isEqualTo(List.of("ALL"));
      }
    });
    List<Map<String, Object>> apps = ofKind(everything, "SparkApplication");
    assertThat(apps).hasSize(5);
    for (Map<String, Object> app : apps) {
      for (String role : List.of("driver", "executor")) {
        String id = at(app, "metadata", "name") + "/" + role;
        Map<String, Object> spec = at(app, "spec", role);
        assertThat((Object) at(spec, "podSecurityContext", "seccompProfile", "type")).as(id)
            .isEqualTo("RuntimeDefault");
        assertThat((Object) at(spec, "podSecurityContext", "runAsNonRoot")).as(id).isEqualTo(true);
        assertThat((Object) at(spec, "securityContext", "allowPrivilegeEscalation")).as(id).isEqualTo(false);
        assertThat((Object) at(spec, "securityContext", "readOnlyRootFilesystem")).as(id).isEqualTo(true);
        Map<String, Object> conf = at(app, "spec", "sparkConf");
        assertThat(conf).as(id).containsEntry("spark.kubernetes." + role + ".volumes.emptyDir.tmp.mount.path", "/tmp")
            .containsEntry("spark.kubernetes." + role + ".volumes.emptyDir.workdir.mount.path", "/opt/spark/work-dir");
      }
    }
  }

  @Test
  @DisplayName("the helm test hook pod (not in helm-java's template output) is confined the same way")
  void testHookIsConfined() {
    String hook = Chart.read(Chart.DIR.resolve("templates/tests/test-connection.yaml"));
    assertThat(hook).contains("\"helm.sh/hook\": test").contains("runAsNonRoot: true")
        .contains("type: RuntimeDefault").contains("include \"jvc.containerSecurityContext\"");
  }

  @Test
  @DisplayName("spark.readOnlyRootFilesystem=false gives the Spark pods a writable root and no scratch volumes")
  void sparkWritableRoot() {
    List<Map<String, Object>> docs = Chart.docs(Chart.render(Map.of("spark.readOnlyRootFilesystem", false)));
    for (Map<String, Object> app : ofKind(docs, "SparkApplication")) {
      assertThat((Object) at(app, "spec", "executor", "securityContext", "readOnlyRootFilesystem")).isEqualTo(false);
      assertThat(((Map<String, Object>) at(app, "spec", "sparkConf")).keySet()).noneMatch(k -> k.contains("emptyDir"));
    }
  }

  /** The rules bound to a ServiceAccount through the rendered RoleBindings and Roles. */
  static List<Map<String, Object>> rulesOf(List<Map<String, Object>> docs, String serviceAccount) {
    List<Map<String, Object>> rules = new ArrayList<>();
    for (Map<String, Object> binding : ofKind(docs, "RoleBinding")) {
      List<Map<String, Object>> subjects = at(binding, "subjects");
      if (subjects.stream().anyMatch(s -> "ServiceAccount".equals(s.get("kind"))
          && serviceAccount.equals(s.get("name")))) {
        String role = at(binding, "roleRef", "name");
        rules.addAll(at(find(docs, (String) at(binding, "roleRef", "kind"), role), "rules"));
      }
    }
    return rules;
  }

  @Test
  @DisplayName("executors run under their own account with no rules and no token; drivers keep pod create/delete")
  void executorsHaveNoApiRights() {
    assertThat(ofKind(everything, "ClusterRoleBinding")).isEmpty();
    Map<String, Object> executorSa = find(everything, "ServiceAccount", "jvc-streaming-spark-executor");
    assertThat((Object) at(executorSa, "automountServiceAccountToken")).isEqualTo(false);
    assertThat(rulesOf(everything, "jvc-streaming-spark-executor")).isEmpty();
    List<Map<String, Object>> driverRules = rulesOf(everything, "jvc-streaming-spark");
    assertThat(driverRules).anySatisfy(r -> {
      assertThat((List<String>) r.get("resources")).contains("pods");
      assertThat((List<String>) r.get("verbs")).contains("create", "delete");
    });
    for (Map<String, Object> app : ofKind(everything, "SparkApplication")) {
      assertThat((Object) at(app, "spec", "executor", "serviceAccount")).isEqualTo("jvc-streaming-spark-executor");
      assertThat((Object) at(app, "spec", "driver", "serviceAccount")).isEqualTo("jvc-streaming-spark");
    }
    // the check itself can fail: the scraper's Lease rules are found through its binding
    assertThat(rulesOf(everything, "jvc-streaming-scraper")).isNotEmpty();
  }

  @Test
  @DisplayName("executorServiceAccount.create=false uses the named account and renders none")
  void existingExecutorAccount() {
    List<Map<String, Object>> docs = Chart.docs(Chart.render(Map.of("spark.executorServiceAccount.create", false,
        "spark.executorServiceAccount.name", "locked-down")));
    assertThat(has(docs, "ServiceAccount", "jvc-streaming-spark-executor")).isFalse();
    assertThat((Object) at(ofKind(docs, "SparkApplication").get(0), "spec", "executor", "serviceAccount"))
        .isEqualTo("locked-down");
  }
}
