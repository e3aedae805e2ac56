package io.jvcstreaming.helm;

import static io.jvcstreaming.helm.Chart.at;
import static io.jvcstreaming.helm.Chart.find;
import static io.jvcstreaming.helm.Chart.has;
import static io.jvcstreaming.helm.Chart.ofKind;
import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.DryRun;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.Release;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** One test per chart behaviour, helm-unittest style: default render, each flag on/off, schema refusals. */
class ChartRenderTest {

  static List<Map<String, Object>> defaults;

  @BeforeAll
  static void renderDefaults() {
    defaults = Chart.docs(Chart.render(Map.of()));
  }

  @Test
  @DisplayName("helm lint --strict passes with the default values")
  void lintIsClean() {
    LintResult result = new Helm(Chart.DIR).lint().strict().call();
    assertThat(result.isFailed()).as("%s", result.getMessages()).isFalse();
    assertThat(result.getMessages()).noneMatch(m -> m.contains("[ERROR]") || m.contains("[WARNING]"));
  }

  @Test
  @DisplayName("should render exactly the default resource set (helm test hooks are not part of it)")
  void defaultResourceSet() {
    assertThat(Chart.summary(defaults)).containsExactlyInAnyOrder(
        "ConfigMap/jvc-streaming-scraper",
        "ConfigMap/jvc-streaming-grafana-dashboard",
        "Deployment/jvc-streaming-scraper",
        "Service/jvc-streaming-scraper",
        "ServiceAccount/jvc-streaming-scraper",
        "NetworkPolicy/jvc-streaming-scraper",
        "StatefulSet/jvc-streaming-redis",
        "Service/jvc-streaming-redis",
        "NetworkPolicy/jvc-streaming-redis",
        "Secret/jvc-streaming-credentials",
        "ServiceAccount/jvc-streaming-spark",
        "ServiceAccount/jvc-streaming-spark-executor",
        "Role/jvc-streaming-spark",
        "RoleBinding/jvc-streaming-spark",
        "PersistentVolumeClaim/jvc-streaming-spark-checkpoints",
        "SparkApplication/jvc-streaming-stickers",
        "SparkApplication/jvc-streaming-authors",
        "SparkApplication/jvc-streaming-words",
        "SparkApplication/jvc-streaming-pseudo",
        "SparkApplication/jvc-streaming-topics");
  }

  @Test
  @DisplayName("every resource carries the app.kubernetes.io labels")
  void standardLabels() {
    for (Map<String, Object> doc : defaults) {
      Map<String, Object> labels = at(doc, "metadata", "labels");
      assertThat(labels).as("%s", doc.get("kind")).containsEntry("app.kubernetes.io/name", "jvc-streaming")
          .containsEntry("app.kubernetes.io/instance", "jvc-streaming")
          .containsEntry("app.kubernetes.io/managed-by", "Helm")
          .containsKeys("app.kubernetes.io/component", "app.kubernetes.io/version", "helm.sh/chart");
    }
  }

  @Nested
  class Scraper {

    @Test
    @DisplayName("should pass every scraper setting from values through the ConfigMap")
    void settingsFromValues() {
      Map<String, Object> data = at(find(defaults, "ConfigMap", "jvc-streaming-scraper"), "data");
      assertThat(data).containsEntry("JVC_FORUM_URL", "https://www.jeuxvideo.com/forums/0-51-0-1-0-1-0-blabla-18-25-ans.htm")
          .containsEntry("JVC_STREAM_HOST", "0.0.0.0")
          .containsEntry("JVC_STREAM_PORT", "6667")
          .containsEntry("JVC_HTTP_PORT", "8080")
          .containsEntry("JVC_FETCHERS", "60")
          .containsEntry("JVC_RATE", "20")
          .containsEntry("JVC_REFRESH_INTERVAL", "2s").containsEntry("JVC_STORE", "redis")
          .containsEntry("JVC_DATA_DIR", "/data")
          .containsEntry("JVC_LIST_PAGES", "2")
          .containsEntry("JVC_BACKFILL_PAGES", "1")
          .containsEntry("JVC_LEADER_ELECTION", "false")
          .containsEntry("JVC_LEASE_NAME", "jvc-streaming-scraper")
          .containsEntry("JVC_LEASE_DURATION", "15s")
          .containsEntry("JDK_JAVA_OPTIONS", "-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError");
    }

    @Test
    @DisplayName("should run hardened with probes, resources, downward API and Prometheus annotations")
    void deployment() {
      Map<String, Object> dep = find(defaults, "Deployment", "jvc-streaming-scraper");
      Map<String, Object> pod = at(dep, "spec", "template", "spec");
      Map<String, Object> c = at(pod, "containers", "0");
      assertThat((Object) at(dep, "spec", "replicas")).isEqualTo(1);
      assertThat((Object) at(dep, "spec", "strategy")).isNull();
      assertThat((String) at(c, "image")).isEqualTo("jvc-streaming/scraper:1.0.0-SNAPSHOT");
      assertThat((Object) at(c, "livenessProbe", "httpGet", "path")).isEqualTo("/health");
      assertThat((Object) at(c, "readinessProbe", "httpGet", "path")).isEqualTo("/ready");
      assertThat((List<?>) at(c, "ports")).hasSize(2);
      assertThat((Object) at(c, "ports", "0", "containerPort")).isEqualTo(6667);
      assertThat((Object) at(c, "ports", "1", "containerPort")).isEqualTo(8080);
      assertThat((Object) at(c, "resources", "limits", "memory")).isEqualTo("512Mi");
      assertThat((Object) at(c, "securityContext", "readOnlyRootFilesystem")).isEqualTo(true);
      assertThat((Object) at(c, "securityContext", "allowPrivilegeEscalation")).isEqualTo(false);
      assertThat((Object) at(pod, "securityContext", "runAsNonRoot")).isEqualTo(true);
      assertThat((Object) at(pod, "automountServiceAccountToken")).isEqualTo(false);
      assertThat((Object) at(c, "volumeMounts", "0", "mountPath")).isEqualTo("/tmp");
      Map<String, Map<String, Object>> env = Chart.env(c);
      assertThat((Object) at(env.get("POD_NAME"), "valueFrom", "fieldRef", "fieldPath")).isEqualTo("metadata.name");
      assertThat((Object) at(env.get("POD_NAMESPACE"), "valueFrom", "fieldRef", "fieldPath"))
          .isEqualTo("metadata.namespace");
      assertThat((Object) at(env.get("REDIS_URL"), "valueFrom", "secretKeyRef"))
          .isEqualTo(Map.of("name", "jvc-streaming-credentials", "key", "redis-url"));
      assertThat((Object) at(env.get("STREAM_TOKEN"), "valueFrom", "secretKeyRef"))
          .isEqualTo(Map.of("name", "jvc-streaming-credentials", "key", "stream-token"));
      Map<String, Object> annotations = at(dep, "spec", "template", "metadata", "annotations");
      assertThat(annotations).containsEntry("prometheus.io/scrape", "true").containsEntry("prometheus.io/port", "8080")
          .containsEntry("prometheus.io/path", "/metrics").containsKey("checksum/config");
    }

    @Test
    @DisplayName("with replicas 2: leader election on, Lease RBAC, Recreate strategy, token mounted")
    void highAvailability() {
      List<Map<String, Object>> docs = Chart.docs(Chart.render(Map.of("scraper.replicas", 2)));
      assertThat((Object) at(find(docs, "ConfigMap", "jvc-streaming-scraper"), "data", "JVC_LEADER_ELECTION"))
          .isEqualTo("true");
      Map<String, Object> dep = find(docs, "Deployment", "jvc-streaming-scraper");
      assertThat((Object) at(dep, "spec", "replicas")).isEqualTo(2);
      assertThat((Object) at(dep, "spec", "strategy", "type")).isEqualTo("Recreate");
      assertThat((Object) at(dep, "spec", "template", "spec", "automountServiceAccountToken")).isEqualTo(true);
      Map<String, Object> role = find(docs, "Role", "jvc-streaming-scraper-leader-election");
      assertThat((Object) at(role, "rules", "1", "resourceNames")).isEqualTo(List.of("jvc-streaming-scraper"));
      assertThat((List<String>) at(role, "rules", "1", "verbs")).contains("get", "update");
      assertThat((Object) at(find(docs, "RoleBinding", "jvc-streaming-scraper-leader-election"), "subjects", "0",
          "name")).isEqualTo("jvc-streaming-scraper");
    }

    @Test
    @DisplayName("leaderElection.enabled turns it on with one replica; off by default")
    void leaderElectionFlag() {
      assertThat(has(defaults, "Role", "jvc-streaming-scraper-leader-election")).isFalse();
      List<Map<String, Object>> docs = Chart.docs(Chart.render(Map.of("scraper.leaderElection.enabled", true)));
      assertThat(has(docs, "Role", "jvc-streaming-scraper-leader-election")).isTrue();
    }

    @Test
    @DisplayName("the stream token comes from the Secret, for the scraper and every Spark pod")
    void streamTokenFromSecret() {
      List<Map<String, Object>> docs = Chart.docs(Chart.render(Map.of("scraper.streamToken.existingSecret", "tok")));
      Map<String, Object> c = at(find(docs, "Deployment", "jvc-streaming-scraper"), "spec", "template", "spec",
          "containers", "0");
      assertThat((Object) at(Chart.env(c).get("STREAM_TOKEN"), "valueFrom", "secretKeyRef"))
          .isEqualTo(Map.of("name", "tok", "key", "stream-token"));
      for (Map<String, Object> app : ofKind(docs, "SparkApplication")) {
        Map<String, Object> conf = at(app, "spec", "sparkConf");
        assertThat(conf).containsEntry("spark.kubernetes.driver.secretKeyRef.STREAM_TOKEN", "tok:stream-token")
            .containsEntry("spark.kubernetes.executor.secretKeyRef.STREAM_TOKEN", "tok:stream-token");
      }
    }
  }

  @Nested
  class Redis {

    @Test
    @DisplayName("a one-replica StatefulSet with AOF on a PVC")
    void statefulSet() {
      Map<String, Object> sts = find(defaults, "StatefulSet", "jvc-streaming-redis");
      assertThat((List<String>) at(sts, "spec", "template", "spec", "containers", "0", "args"))
          .containsSequence("--appendonly", "yes");
      assertThat((Object) at(sts, "spec", "volumeClaimTemplates", "0", "spec", "resources", "requests", "storage"))
          .isEqualTo("1Gi");
      assertThat((Object) at(sts, "spec", "template", "spec", "containers", "0", "volumeMounts", "0", "mountPath"))
          .isEqualTo("/data");
    }

    @Test
    @DisplayName("externalRedis.url replaces the StatefulSet")
    void externalRedis() {
      List<Map<String, Object>> docs = Chart.docs(Chart.render(
          Map.of("redis.enabled", false, "externalRedis.url", "redis://my-redis.db:6379")));
      assertThat(has(docs, "StatefulSet", "jvc-streaming-redis")).isFalse();
      assertThat(has(docs, "NetworkPolicy", "jvc-streaming-redis")).isFalse();
      Map<String, Object> c = at(find(docs, "Deployment", "jvc-streaming-scraper"), "spec", "template", "spec",
          "containers", "0");
      assertThat((Object) at(Chart.env(c).get("REDIS_URL"), "value")).isEqualTo("redis://my-redis.db:6379");
    }
  }

  @Nested
  class NetworkPolicies {

    @Test
    @DisplayName("stream port only from this release's Spark pods; http port open")
    void scraperPolicy() {
      Map<String, Object> np = find(defaults, "NetworkPolicy", "jvc-streaming-scraper");
      assertThat((Object) at(np, "spec", "ingress", "0", "from")).isEqualTo(List.of(Map.of("podSelector",
          Map.of("matchLabels", Map.of("app.kubernetes.io/instance", "jvc-streaming",
              "app.kubernetes.io/component", "spark-job")))));
      assertThat((Object) at(np, "spec", "ingress", "0", "ports", "0", "port")).isEqualTo(6667);
      assertThat((Object) at(np, "spec", "ingress", "1", "from")).isNull();
      assertThat((Object) at(np, "spec", "ingress", "1", "ports", "0", "port")).isEqualTo(8080);
    }

    @Test
    @DisplayName("Redis only from the scraper and this release's Spark drivers")
    void redisPolicy() {
      Map<String, Object> np = find(defaults, "NetworkPolicy", "jvc-streaming-redis");
      assertThat((Object) at(np, "spec", "ingress", "0", "from")).isEqualTo(List.of(
          Map.of("podSelector", Map.of("matchLabels", Map.of("app.kubernetes.io/name", "jvc-streaming",
              "app.kubernetes.io/instance", "jvc-streaming", "app.kubernetes.io/component", "scraper"))),
          Map.of("podSelector", Map.of("matchLabels", Map.of("app.kubernetes.io/instance", "jvc-streaming",
              "app.kubernetes.io/component", "spark-job", "spark-role", "driver")))));
    }

    @Test
    @DisplayName("the Spark pods carry the labels the scraper's policy selects")
    void sparkPodsMatchThePolicy() {
      for (Map<String, Object> app : ofKind(defaults, "SparkApplication")) {
        for (String role : List.of("driver", "executor")) {
          Map<String, Object> labels = at(app, "spec", role, "labels");
          assertThat(labels).containsEntry("app.kubernetes.io/instance", "jvc-streaming")
              .containsEntry("app.kubernetes.io/component", "spark-job");
        }
      }
    }

    @Test
    @DisplayName("networkPolicy.enabled=false renders none")
    void disabled() {
      List<Map<String, Object>> docs = Chart.docs(Chart.render(Map.of("networkPolicy.enabled", false)));
      assertThat(ofKind(docs, "NetworkPolicy")).isEmpty();
    }
  }

  @Nested
  class Jobs {

    @Test
    @DisplayName("one SparkApplication per default job with image, mainClass, args, cores and restart policy")
    void defaultJobs() {
      List<Map<String, Object>> apps = ofKind(defaults, "SparkApplication");
      assertThat(apps).extracting(a -> at(a, "metadata", "name")).containsExactly("jvc-streaming-stickers",
          "jvc-streaming-authors", "jvc-streaming-words", "jvc-streaming-pseudo", "jvc-streaming-topics");
      Map<String, Object> words = find(defaults, "SparkApplication", "jvc-streaming-words");
      Map<String, Object> spec = at(words, "spec");
      assertThat(spec).containsEntry("type", "Java").containsEntry("mode", "cluster")
          .containsEntry("sparkVersion", "3.5.8")
          .containsEntry("image", "jvc-streaming/spark-analytics:1.0.0-SNAPSHOT")
          .containsEntry("mainClass", "io.jvcstreaming.analytics.AnalyticsMain")
          .containsEntry("mainApplicationFile", "local:///opt/app/spark-analytics.jar");
      assertThat((List<String>) at(spec, "arguments")).containsExactly("--job", "words", "--source",
          "jvc-streaming-scraper.jvc-streaming.svc.cluster.local:6667", "--batch", "3s", "--checkpoint-dir",
          "/checkpoints/words", "--top", "15", "--window", "10m", "--emit", "table", "--metrics-port", "4040",
          "--min-word-length", "6");
      assertThat((Object) at(spec, "driver", "podName")).isEqualTo("jvc-streaming-words-driver");
      assertThat((Object) at(spec, "driver", "serviceAccount")).isEqualTo("jvc-streaming-spark");
      assertThat((Object) at(spec, "executor", "cores")).isEqualTo(2);
      assertThat((Object) at(spec, "executor", "instances")).isEqualTo(1);
      assertThat((Object) at(spec, "restartPolicy")).isEqualTo(Map.of("type", "Always", "onFailureRetries", 20,
          "onFailureRetryInterval", 30, "onSubmissionFailureRetries", 10, "onSubmissionFailureRetryInterval", 20));
      assertThat((String) at(spec, "driver", "javaOptions")).startsWith("-XX:+IgnoreUnrecognizedVMOptions")
          .contains("--add-opens=java.base/sun.nio.ch=ALL-UNNAMED")
          .endsWith("-Djdk.reflect.useDirectMethodHandle=false");
      Map<String, Object> conf = at(spec, "sparkConf");
      assertThat(conf)
          .containsEntry("spark.kubernetes.driver.volumes.persistentVolumeClaim.checkpoints.options.claimName",
              "jvc-streaming-spark-checkpoints")
          .containsEntry("spark.kubernetes.executor.volumes.persistentVolumeClaim.checkpoints.mount.path",
              "/checkpoints");
      assertThat((Object) at(spec, "executor", "labels", "jvc-streaming.io/job")).isEqualTo("words");
    }

    @Test
    @DisplayName("custom values file: jobs, pseudo list, extra args, dashboard publish URL, HA")
    void customValues() {
      List<Map<String, Object>> docs = Chart.docs(Chart.render(Chart.RELEASE, Chart.resource("values/custom.yaml"),
          Map.of()));
      List<Map<String, Object>> apps = ofKind(docs, "SparkApplication");
      assertThat(apps).extracting(a -> at(a, "metadata", "name"))
          .containsExactly("jvc-streaming-stickers-fast", "jvc-streaming-my-pseudos");
      Map<String, Object> spec = at(apps.get(1), "spec");
      assertThat((List<String>) at(spec, "arguments")).containsExactly("--job", "pseudo", "--source",
          "jvc-streaming-scraper.jvc-streaming.svc.cluster.local:6667", "--batch", "5s", "--checkpoint-dir",
          "/checkpoints/my-pseudos", "--top", "20", "--window", "30m", "--emit", "json", "--pseudo", "Alpha,Beta_42",
          "--publish-url", "http://jvc-streaming-dashboard:8090/api/results", "--metrics-port", "4040",
          "--min-word-length", "4");
      assertThat((Object) at(spec, "driver", "cores")).isEqualTo(2);
      assertThat((Object) at(spec, "executor", "cores")).isEqualTo(1);
      assertThat((Object) at(spec, "executor", "instances")).isEqualTo(2);
      assertThat((Object) at(spec, "restartPolicy", "type")).isEqualTo("OnFailure");
      assertThat((Object) at(spec, "sparkConf", "spark.streaming.receiver.maxRate")).isEqualTo("1000");
      assertThat(has(docs, "Deployment", "jvc-streaming-dashboard")).isTrue();
      assertThat(has(docs, "Service", "jvc-streaming-dashboard")).isTrue();
      Map<String, Object> data = at(find(docs, "ConfigMap", "jvc-streaming-scraper"), "data");
      assertThat(data).containsEntry("JVC_BACKFILL_PAGES", "all").containsEntry("JVC_LEADER_ELECTION", "true")
          .containsEntry("JVC_FETCHERS", "30");
    }

    @Test
    @DisplayName("the release name prefixes the driver pod names users type")
    void releaseNamePrefix() {
      List<Map<String, Object>> docs = Chart.docs(Chart.render("demo", null, Map.of()));
      assertThat((Object) at(find(docs, "SparkApplication", "demo-stickers"), "spec", "driver", "podName"))
          .isEqualTo("demo-stickers-driver");
    }
  }

  @Nested
  class OptionalComponents {

    @Test
    @DisplayName("simulator.enabled runs the simulator and points the scraper at it")
    void simulator() {
      List<Map<String, Object>> docs = Chart.docs(Chart.render(Map.of("simulator.enabled", true)));
      assertThat(has(docs, "Deployment", "jvc-streaming-simulator")).isTrue();
      assertThat((Object) at(find(docs, "Service", "jvc-streaming-simulator"), "spec", "ports", "0", "port"))
          .isEqualTo(8089);
      assertThat((Object) at(find(docs, "ConfigMap", "jvc-streaming-scraper"), "data", "JVC_FORUM_URL"))
          .isEqualTo("http://jvc-streaming-simulator:8089/forums/0-51-0-1-0-1-0-blabla-18-25-ans.htm");
    }

    @Test
    @DisplayName("dashboard.enabled: Deployment, Service, policy from Spark, and access to stream + Redis")
    void dashboard() {
      List<Map<String, Object>> docs = Chart.docs(Chart.render(Map.of("dashboard.enabled", true)));
      Map<String, Object> c = at(find(docs, "Deployment", "jvc-streaming-dashboard"), "spec", "template", "spec",
          "containers", "0");
      Map<String, Map<String, Object>> env = Chart.env(c);
      assertThat((Object) at(env.get("SCRAPER_ADDR"), "value"))
          .isEqualTo("jvc-streaming-scraper.jvc-streaming.svc.cluster.local:6667");
      assertThat((Object) at(env.get("JVC_DASHBOARD_PORT"), "value")).isEqualTo("8090");
      // its own default bind address (127.0.0.1) would fail the probes and every job's POST
      assertThat((Object) at(env.get("JVC_DASHBOARD_HOST"), "value")).isEqualTo("0.0.0.0");
      assertThat((Object) at(c, "readinessProbe", "httpGet", "path")).isEqualTo("/health");
      assertThat((Object) at(c, "livenessProbe", "httpGet", "path")).isEqualTo("/health");
      assertThat((Object) at(env.get("JVC_SCRAPER_METRICS_URL"), "value"))
          .isEqualTo("http://jvc-streaming-scraper:8080/metrics");
      assertThat((Object) at(find(docs, "NetworkPolicy", "jvc-streaming-dashboard"), "spec", "ingress", "0", "ports",
          "0", "port")).isEqualTo(8090);
      assertThat((List<?>) at(find(docs, "NetworkPolicy", "jvc-streaming-scraper"), "spec", "ingress", "0", "from"))
          .hasSize(2);
      assertThat((List<?>) at(find(docs, "NetworkPolicy", "jvc-streaming-redis"), "spec", "ingress", "0", "from"))
          .hasSize(3);
      for (Map<String, Object> app : ofKind(docs, "SparkApplication")) {
        assertThat((List<String>) at(app, "spec", "arguments")).containsSequence("--publish-url",
            "http://jvc-streaming-dashboard:8090/api/results");
      }
    }
  }

  @Test
  @DisplayName("NOTES.txt prints the kubectl logs commands of every job")
  void notes() {
    Release release = new Helm(Chart.DIR).install().withName("jvc-streaming").withNamespace(Chart.NS)
        .dryRun().withDryRunOption(DryRun.CLIENT).clientOnly().call();
    String notes = release.getOutput();
    for (String job : List.of("stickers", "authors", "words", "pseudo", "topics")) {
      assertThat(notes).contains("kubectl logs -f jvc-streaming-" + job + "-driver -n jvc-streaming")
          .contains("kubectl logs -n jvc-streaming -l sparkoperator.k8s.io/app-name=jvc-streaming-" + job
              + ",spark-role=executor --prefix");
    }
  }
}
