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
      # GENERATED from helm/jvc-streaming with default values (release jvc-streaming, namespace jvc-streaming),
      # except that the credentials come from a Secret you create (the chart would generate it; a committed file
      # must not hold a password). Do not edit: change the chart, then regenerate with
      #   ./mvnw -B -f helm/pom.xml test -Dtest=ManifestsInSyncTest -Dmanifests.regenerate=true
      # (ManifestsInSyncTest fails the build when this file and the chart disagree.)
      # Apply (needs the Spark Operator watching the namespace, see k8s/minikube.sh):
      #   kubectl create namespace jvc-streaming
      #   pw="$(head -c 30 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
      #   kubectl create secret generic jvc-streaming-credentials -n jvc-streaming \
      #     --from-literal=stream-token="$(head -c 30 /dev/urandom | base64)" \
      #     --from-literal=redis-password="$pw" --from-literal=redis-url="redis://:$pw@jvc-streaming-redis:6379"
      #   kubectl apply -n jvc-streaming -f k8s/manifests/jvc-streaming.yaml
      """;

  /** The Secret the plain manifests expect instead of the generated one (same name and keys). */
  static final Map<String, Object> EXISTING_SECRETS = Map.of(
      "scraper.streamToken.existingSecret", "jvc-streaming-credentials",
      "redis.auth.existingSecret", "jvc-streaming-credentials",
      "dashboard.resultsToken.existingSecret", "jvc-streaming-credentials");

  static String fresh() {
    return HEADER + Chart.render(Chart.RELEASE, null, EXISTING_SECRETS);
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
        "SparkApplication/jvc-streaming-stickers").doesNotContain("Secret/jvc-streaming-credentials");
  }
}
