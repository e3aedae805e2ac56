package io.jvcstreaming.helm;

import static io.jvcstreaming.helm.Chart.at;
import static io.jvcstreaming.helm.Chart.find;
import static io.jvcstreaming.helm.Chart.ofKind;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Upgrades never crash-loop on an old checkpoint: every Spark pod learns the application version (the jobs checkpoint
 * under it), failures are retried with a growing delay, and what must survive (Redis, checkpoints) is kept.
 */
class UpgradeTest {

  static String chartAppVersion() {
    Map<String, Object> chart = Chart.docs(Chart.read(Chart.DIR.resolve("Chart.yaml"))).get(0);
    return String.valueOf(chart.get("appVersion"));
  }

  @Test
  @DisplayName("drivers and executors get JVC_APP_VERSION = the chart's appVersion, also as a pod label")
  void appVersionByDefault() {
    String version = chartAppVersion();
    List<Map<String, Object>> apps = ofKind(Chart.docs(Chart.render(Map.of())), "SparkApplication");
    assertThat(apps).hasSize(5);
    for (Map<String, Object> app : apps) {
      Map<String, Object> conf = at(app, "spec", "sparkConf");
      assertThat(conf).containsEntry("spark.kubernetes.driverEnv.JVC_APP_VERSION", version)
          .containsEntry("spark.executorEnv.JVC_APP_VERSION", version);
      for (String role : List.of("driver", "executor")) {
        assertThat((Object) at(app, "spec", role, "labels", "jvc-streaming.io/app-version")).isEqualTo(version);
      }
      // the job adds the version itself: the chart passes the job's own directory
      String job = at(app, "metadata", "labels", "jvc-streaming.io/job");
      assertThat((List<String>) at(app, "spec", "arguments")).containsSequence("--checkpoint-dir", "/checkpoints/" + job);
    }
  }

  @Test
  @DisplayName("spark.appVersion overrides it (what minikube.sh does with each build's tag)")
  void appVersionOverride() {
    Map<String, Object> app = ofKind(Chart.docs(Chart.render(Map.of("spark.appVersion", "0123abcd4567-dirty-89ef"))),
        "SparkApplication").get(0);
    assertThat((Object) at(app, "spec", "sparkConf", "spark.executorEnv.JVC_APP_VERSION"))
        .isEqualTo("0123abcd4567-dirty-89ef");
    assertThat(Chart.renderError("spark:\n  appVersion: \"not a label!\"\n")).contains("/spark/appVersion");
  }

  @Test
  @DisplayName("a failing job is retried with a delay that grows per attempt, never faster than every 10 s")
  void restartsBackOff() {
    Map<String, Object> app = ofKind(Chart.docs(Chart.render(Map.of())), "SparkApplication").get(0);
    Map<String, Object> policy = at(app, "spec", "restartPolicy");
    assertThat(policy).containsEntry("type", "Always");
    assertThat((Integer) policy.get("onFailureRetryInterval")).isGreaterThanOrEqualTo(10);
    assertThat((Integer) policy.get("onSubmissionFailureRetryInterval")).isGreaterThanOrEqualTo(10);
    assertThat(Chart.renderError("spark:\n  restartPolicy:\n    onFailureRetryInterval: 2\n"))
        .contains("/spark/restartPolicy/onFailureRetryInterval");
    assertThat(Chart.renderError("spark:\n  restartPolicy:\n    onSubmissionFailureRetryInterval: 5\n"))
        .contains("/spark/restartPolicy/onSubmissionFailureRetryInterval");
  }

  @Test
  @DisplayName("the checkpoint PVC outlives the release, and Redis keeps its data on a volume claim")
  void stateSurvives() {
    List<Map<String, Object>> docs = Chart.docs(Chart.render(Map.of()));
    assertThat(Chart.annotations(find(docs, "PersistentVolumeClaim", "jvc-streaming-spark-checkpoints")))
        .containsEntry("helm.sh/resource-policy", "keep");
    Map<String, Object> redis = find(docs, "StatefulSet", "jvc-streaming-redis");
    assertThat((Object) at(redis, "spec", "volumeClaimTemplates", "0", "metadata", "name")).isEqualTo("data");
    assertThat((List<String>) at(redis, "spec", "template", "spec", "containers", "0", "args"))
        .containsSequence("--appendonly", "yes");
  }
}
