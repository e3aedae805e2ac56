package io.jvcstreaming.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * k8s/manifests/jvc-streaming.yaml is the chart rendered with default values (release and namespace jvc-streaming),
 * for people without Helm. Never edit it by hand; regenerate with
 * {@code ./mvnw -B -f helm/pom.xml test -Dtest=ManifestsInSyncTest -Dmanifests.regenerate=true}.
 */
class ManifestsInSyncTest {

  static final Path MANIFESTS = Chart.REPO.resolve("k8s/manifests/jvc-streaming.yaml");

  static final String HEADER = """
      # GENERATED from helm/jvc-streaming with default values (release jvc-streaming, namespace jvc-streaming).
      # Do not edit: change the chart, then regenerate with
      #   ./mvnw -B -f helm/pom.xml test -Dtest=ManifestsInSyncTest -Dmanifests.regenerate=true
      # (ManifestsInSyncTest fails the build when this file and the chart disagree.)
      # Apply (needs the Spark Operator watching the namespace, see k8s/minikube.sh):
      #   kubectl create namespace jvc-streaming
      #   kubectl apply -n jvc-streaming -f k8s/manifests/jvc-streaming.yaml
      """;

  static String fresh() {
    return HEADER + Chart.render(Chart.RELEASE, null, Map.of());
  }

  @Test
  @DisplayName("the committed plain manifests equal a fresh render of the chart")
  void manifestsAreInSync() throws IOException {
    String expected = fresh();
    if (Boolean.getBoolean("manifests.regenerate")) {
      Files.createDirectories(MANIFESTS.getParent());
      Files.writeString(MANIFESTS, expected);
    }
    assertThat(MANIFESTS).as("k8s/manifests/jvc-streaming.yaml is missing; regenerate it").exists();
    assertThat(Files.readString(MANIFESTS))
        .as("k8s/manifests/jvc-streaming.yaml is out of date with the chart; regenerate it with "
            + "./mvnw -B -f helm/pom.xml test -Dtest=ManifestsInSyncTest -Dmanifests.regenerate=true")
        .isEqualTo(expected);
  }

  @Test
  @DisplayName("the plain manifests hold no Helm hook and no release-specific namespace")
  void manifestsArePlain() {
    String yaml = Chart.read(MANIFESTS);
    assertThat(yaml).doesNotContain("helm.sh/hook").doesNotContain("namespace: default");
    assertThat(Chart.summary(Chart.docs(yaml))).contains("Deployment/jvc-streaming-scraper",
        "SparkApplication/jvc-streaming-stickers");
  }
}
