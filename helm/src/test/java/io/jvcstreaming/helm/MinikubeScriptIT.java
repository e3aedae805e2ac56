package io.jvcstreaming.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs k8s/minikube.sh for real (bash, git, sha256sum) from a copy inside a scratch git repository, with stand-ins
 * for minikube, kubectl and helm on PATH: no cluster can run here, and what is tested is the script's own logic
 * (content tags, the image check after a build that "succeeded", --set-string, names from labels). The stand-ins
 * log their arguments; the minikube one keeps an image list that `image build` adds to unless told to fail the way
 * minikube does (a build error, exit status 0).
 */
class MinikubeScriptIT {

  @TempDir
  Path tmp;
  Path repo;
  Path bin;
  Path state;

  private static final String FAKE_MINIKUBE = """
      #!/usr/bin/env bash
      echo "minikube $*" >> "$FAKE_STATE/calls"
      case "$1 $2" in
        "status -p") echo Running ;;
        "image ls") cat "$FAKE_STATE/images" 2>/dev/null || true ;;
        "image build")
          ref=""; prev=""
          for a in "$@"; do [[ "$prev" == "-t" ]] && ref="$a"; prev="$a"; done
          if [[ -n "${FAKE_FAIL_BUILD:-}" && "$ref" == *"$FAKE_FAIL_BUILD"* ]]; then
            echo "ERROR: failed to solve: process \\"/bin/sh -c mvn package\\" did not complete successfully" >&2
            exit 0
          fi
          echo "docker.io/$ref" >> "$FAKE_STATE/images" ;;
      esac
      exit 0
      """;

  private static final String FAKE_KUBECTL = """
      #!/usr/bin/env bash
      echo "kubectl $*" >> "$FAKE_STATE/calls"
      case "$*" in
        *"apply -f -"*) cat >/dev/null ;;
        *"-o name"*) echo "found/it" ;;
        *"spec.driver.podName"*) echo "custom-stickers-driver" ;;
      esac
      exit 0
      """;

  private static final String FAKE_HELM = """
      #!/usr/bin/env bash
      echo "helm $*" >> "$FAKE_STATE/calls"
      exit 0
      """;

  @BeforeEach
  void scratchRepo() throws Exception {
    repo = Files.createDirectories(tmp.resolve("repo"));
    bin = Files.createDirectories(tmp.resolve("bin"));
    state = Files.createDirectories(tmp.resolve("state"));
    Files.createDirectories(repo.resolve("k8s"));
    Files.copy(Chart.REPO.resolve("k8s/minikube.sh"), repo.resolve("k8s/minikube.sh"));
    Files.writeString(repo.resolve("README.md"), "scratch\n");
    fake("minikube", FAKE_MINIKUBE);
    fake("kubectl", FAKE_KUBECTL);
    fake("helm", FAKE_HELM);
    git("init", "-q");
    git("add", "-A");
    git("-c", "user.name=t", "-c", "user.email=t@example.invalid", "commit", "-q", "-m", "scratch");
  }

  private void fake(String name, String body) throws IOException {
    Path f = bin.resolve(name);
    Files.writeString(f, body);
    assertThat(f.toFile().setExecutable(true)).isTrue();
  }

  private String git(String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("git", "-C", repo.toString()));
    cmd.addAll(List.of(args));
    Result r = exec(cmd, Map.of());
    assertThat(r.status).as(r.output).isZero();
    return r.output.trim();
  }

  record Result(int status, String output) {
  }

  private Result exec(List<String> cmd, Map<String, String> env) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
    pb.environment().put("FAKE_STATE", state.toString());
    pb.environment().putAll(env);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Result(p.exitValue(), out);
  }

  private Result runScript(Map<String, String> env, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("bash", repo.resolve("k8s/minikube.sh").toString()));
    cmd.addAll(List.of(args));
    return exec(cmd, env);
  }

  private List<String> calls(String tool) throws IOException {
    Path log = state.resolve("calls");
    return Files.exists(log)
        ? Files.readAllLines(log).stream().filter(l -> l.startsWith(tool + " ")).toList()
        : List.of();
  }

  private String helmInstall() throws IOException {
    return calls("helm").stream().filter(l -> l.contains("upgrade --install ") && l.contains("/helm/jvc-streaming"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no helm upgrade of the release"));
  }

  @Test
  @DisplayName("a clean tree: every chart image is built under the commit, and helm gets the tags as strings")
  void cleanTreeTagsByCommit() throws Exception {
    String rev = git("rev-parse", "--short=12", "HEAD");
    Result r = runScript(Map.of());
    assertThat(r.status).as(r.output).isZero();
    assertThat(calls("minikube").stream().filter(l -> l.startsWith("minikube image build"))).containsExactly(
        "minikube image build -p minikube -t jvc-streaming/scraper:" + rev + " -f scraper-vertx/Dockerfile .",
        "minikube image build -p minikube -t jvc-streaming/spark-analytics:" + rev + " -f spark-analytics/Dockerfile .",
        "minikube image build -p minikube -t jvc-streaming/dashboard:" + rev + " -f docker/dashboard.Dockerfile .",
        "minikube image build -p minikube -t jvc-streaming/forum-simulator:" + rev + " -f forum-simulator/Dockerfile .");
    assertThat(helmInstall()).contains("--set-string scraper.image.tag=" + rev, "--set-string spark.image.tag=" + rev,
        "--set-string dashboard.image.tag=" + rev, "--set-string simulator.image.tag=" + rev,
        "--set-string spark.appVersion=" + rev,
        "--set dashboard.enabled=true").doesNotContain("simulator.enabled");
  }

  @Test
  @DisplayName("uncommitted changes give a -dirty-<hash> tag that changes with the content")
  void dirtyTreeTagsByContent() throws Exception {
    String rev = git("rev-parse", "--short=12", "HEAD");
    Files.writeString(repo.resolve("README.md"), "changed once\n");
    assertThat(runScript(Map.of()).status).isZero();
    String first = tagOf(helmInstall());
    assertThat(first).matches(rev + "-dirty-[0-9a-f]{12}");

    Files.writeString(repo.resolve("README.md"), "changed twice\n");
    Files.writeString(state.resolve("calls"), "");
    assertThat(runScript(Map.of()).status).isZero();
    String second = tagOf(helmInstall());
    assertThat(second).matches(rev + "-dirty-[0-9a-f]{12}").isNotEqualTo(first);

    Files.writeString(repo.resolve("NEW.txt"), "untracked\n");
    Files.writeString(state.resolve("calls"), "");
    assertThat(runScript(Map.of()).status).isZero();
    assertThat(tagOf(helmInstall())).isNotEqualTo(second);
  }

  private static String tagOf(String helmLine) {
    String marker = "--set-string scraper.image.tag=";
    String rest = helmLine.substring(helmLine.indexOf(marker) + marker.length());
    return rest.split(" ")[0];
  }

  @Test
  @DisplayName("a build that logs an error but exits 0 stops the script before helm runs")
  void failedBuildIsCaught() throws Exception {
    Result r = runScript(Map.of("FAKE_FAIL_BUILD", "spark-analytics"));
    assertThat(r.status).isNotZero();
    assertThat(r.output).contains("ERROR: building jvc-streaming/spark-analytics:")
        .contains("the image is not in minikube");
    assertThat(calls("helm")).isEmpty();
  }

  @Test
  @DisplayName("a rerun on the same sources builds nothing again; --skip-build refuses images that are missing")
  void rerunAndSkipBuild() throws Exception {
    assertThat(runScript(Map.of()).status).isZero();
    Files.writeString(state.resolve("calls"), "");
    Result again = runScript(Map.of());
    assertThat(again.status).as(again.output).isZero();
    assertThat(calls("minikube")).noneMatch(l -> l.startsWith("minikube image build"));
    assertThat(again.output).contains("already in minikube (same sources): not rebuilt");

    Files.writeString(repo.resolve("README.md"), "new code\n");
    Result skipped = runScript(Map.of(), "--skip-build");
    assertThat(skipped.status).isNotZero();
    assertThat(skipped.output).contains("--skip-build, but jvc-streaming/scraper:");
  }

  @Test
  @DisplayName("waits and names come from the release's labels, so fullnameOverride cannot break them")
  void namesFromLabels() throws Exception {
    Result r = runScript(Map.of("RELEASE", "demo", "HELM_EXTRA_ARGS", "--set fullnameOverride=custom"), "--demo");
    assertThat(r.status).as(r.output).isZero();
    List<String> kubectl = calls("kubectl");
    assertThat(kubectl).anyMatch(l -> l.contains("wait statefulset")
        && l.contains("-l app.kubernetes.io/instance=demo,app.kubernetes.io/component=redis"));
    assertThat(kubectl).anyMatch(l -> l.contains("wait deployment")
        && l.contains("-l app.kubernetes.io/instance=demo,app.kubernetes.io/component=scraper"));
    assertThat(kubectl).noneMatch(l -> l.contains("demo-redis") || l.contains("demo-scraper"));
    assertThat(r.output).contains("kubectl logs -f custom-stickers-driver -n jvc-streaming");
    assertThat(helmInstall()).contains("upgrade --install demo ").contains("--set simulator.enabled=true")
        .endsWith("--set fullnameOverride=custom");
  }
}
