package io.jvcstreaming.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** k8s/minikube.sh parses and passes shellcheck; the Dockerfiles keep the rules they were reviewed for. */
class ScriptsAndImagesIT {

  static final Path SCRIPT = Chart.REPO.resolve("k8s/minikube.sh");

  private static String run(List<String> cmd) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(String.join(" ", cmd) + "\n" + out).isZero();
    return out;
  }

  private static boolean onPath(String tool) {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String dir : path.split(File.pathSeparator)) {
      if (new File(dir, tool).canExecute()) {
        return true;
      }
    }
    return false;
  }

  @Test
  @DisplayName("minikube.sh is valid bash with strict mode and pins the operator chart to 2.2.1")
  void minikubeScriptSyntax() throws Exception {
    run(List.of("bash", "-n", SCRIPT.toString()));
    String script = Chart.read(SCRIPT);
    assertThat(script).contains("set -euo pipefail").contains("OPERATOR_CHART_VERSION=\"2.2.1\"")
        .contains("spark.jobNamespaces={$NAMESPACE}").contains("--demo");
  }

  @Test
  @DisplayName("minikube.sh passes shellcheck")
  void minikubeScriptShellcheck() throws Exception {
    // a missing linter is a failure, not a skip: .ci/install-test-deps.sh installs it
    assertThat(onPath("shellcheck")).as("shellcheck on PATH: run .ci/install-test-deps.sh").isTrue();
    run(List.of("shellcheck", SCRIPT.toString()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"scraper-vertx/Dockerfile", "forum-simulator/Dockerfile", "docker/dashboard.Dockerfile"})
  @DisplayName("JVM images: pinned bases, dependency layer before sources, non-root, container-aware heap")
  void jvmDockerfiles(String file) {
    String df = Chart.read(Chart.REPO.resolve(file));
    assertThat(df).contains("FROM maven:3.9.11-eclipse-temurin-17 AS build")
        .contains("FROM eclipse-temurin:17.0.16_8-jre-jammy").contains("USER 10001:10001")
        .contains("-XX:MaxRAMPercentage=75").doesNotContain(":latest");
    assertThat(df.indexOf("COPY --from=poms")).isPositive().isLessThan(df.lastIndexOf("COPY . ."));
  }

  @Test
  @DisplayName("the dashboard image listens on every interface (its own default, 127.0.0.1, is unreachable)")
  void dashboardImageBindsAllInterfaces() {
    assertThat(Chart.read(Chart.REPO.resolve("docker/dashboard.Dockerfile"))).contains("JVC_DASHBOARD_HOST=0.0.0.0");
  }

  @Test
  @DisplayName("Spark image: apache/spark:3.5.8-java17-scala, jar at the mainApplicationFile path, user 185")
  void sparkDockerfile() {
    String df = Chart.read(Chart.REPO.resolve("spark-analytics/Dockerfile"));
    assertThat(df).contains("FROM apache/spark:3.5.8-java17-scala")
        .contains("/opt/app/spark-analytics.jar").contains("USER 185");
    assertThat(df.trim().lines().filter(l -> l.startsWith("USER")).reduce((a, b) -> b)).hasValue("USER 185");
  }
}
