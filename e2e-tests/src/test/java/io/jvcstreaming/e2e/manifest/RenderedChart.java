package io.jvcstreaming.e2e.manifest;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** helm/jvc-streaming rendered by the Helm embedded in helm-java (as the helm module's tests do), as documents. */
final class RenderedChart {

  static final String RELEASE = "jvc-streaming";
  static final String NAMESPACE = "jvc-streaming";

  private RenderedChart() {
  }

  static Path dir(Path repo) {
    return repo.resolve("helm").resolve("jvc-streaming");
  }

  /** `helm template` with the chart's defaults, an optional values file, and --set pairs. */
  static List<Map<String, Object>> render(Path repo, Path valuesFile, Map<String, String> sets) {
    // helm-java's template runs `lookup` against a cluster (its dry-run is "none", not "client" as in `helm
    // template`): the chart's read-back of generated credentials is switched off, fresh ones are generated.
    TemplateCommand cmd = new Helm(dir(repo)).template().withName(RELEASE).withNamespace(NAMESPACE)
        .set("credentials.keepOnUpgrade", "false");
    if (valuesFile != null) {
      cmd = cmd.withValuesFile(valuesFile);
    }
    for (Map.Entry<String, String> e : sets.entrySet()) {
      cmd = cmd.set(e.getKey(), e.getValue());
    }
    return Tree.documents(cmd.call());
  }
}
