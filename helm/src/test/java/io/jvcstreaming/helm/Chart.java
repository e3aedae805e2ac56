package io.jvcstreaming.helm;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Renders helm/jvc-streaming with the Helm embedded in helm-java and reads the result. */
final class Chart {

  static final Path DIR = Path.of(System.getProperty("chart.dir", "jvc-streaming")).toAbsolutePath().normalize();
  static final Path REPO = Path.of(System.getProperty("repo.root", "..")).toAbsolutePath().normalize();
  static final String NS = "jvc-streaming";
  static final String RELEASE = "jvc-streaming";
  static final YAMLMapper YAML = YAMLMapper.builder().build();

  private Chart() {
  }

  /** Renders with the default values plus an optional values file (lists need a file, not --set). */
  static String render(String release, Path valuesFile, Map<String, Object> sets) {
    // helm-java's template runs lookup against a cluster (its dry-run is "none", not "client" as in `helm template`)
    TemplateCommand cmd = new Helm(DIR).template().withName(release).withNamespace(NS)
        .set("credentials.keepOnUpgrade", false);
    if (valuesFile != null) {
      cmd = cmd.withValuesFile(valuesFile);
    }
    for (Map.Entry<String, Object> e : sets.entrySet()) {
      cmd = cmd.set(e.getKey(), e.getValue());
    }
    return cmd.call();
  }

  static String render(Map<String, Object> sets) {
    return render(RELEASE, null, sets);
  }

  static String renderYaml(String valuesYaml) {
    return render(RELEASE, valuesFile(valuesYaml), Map.of());
  }

  static Path resource(String name) {
    return Path.of(DIR.getParent().toString(), "src", "test", "resources", name);
  }

  static Path valuesFile(String valuesYaml) {
    try {
      Path file = Files.createTempFile("values-", ".yaml");
      file.toFile().deleteOnExit();
      return Files.writeString(file, valuesYaml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The error Helm reports for these values, or fails the test if the chart renders. */
  static String renderError(String valuesYaml) {
    try {
      renderYaml(valuesYaml);
    } catch (RuntimeException e) {
      return e.getMessage();
    }
    throw new AssertionError("expected the chart to refuse these values:\n" + valuesYaml);
  }

  /** Every non-empty document, as plain maps, in render order. */
  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> docs(String yaml) {
    List<Map<String, Object>> out = new ArrayList<>();
    try (MappingIterator<Map<String, Object>> it = YAML.readerFor(Map.class).readValues(yaml)) {
      while (it.hasNextValue()) {
        Map<String, Object> doc = it.nextValue();
        if (doc != null && !doc.isEmpty()) {
          out.add(doc);
        }
      }
    }
    return out;
  }

  /** Documents that are not Helm hooks (what `kubectl apply` of the plain manifests creates). */
  static List<Map<String, Object>> resources(String yaml) {
    return docs(yaml).stream().filter(d -> annotations(d).get("helm.sh/hook") == null).collect(Collectors.toList());
  }

  static List<Map<String, Object>> ofKind(List<Map<String, Object>> docs, String kind) {
    return docs.stream().filter(d -> kind.equals(d.get("kind"))).collect(Collectors.toList());
  }

  static Map<String, Object> find(List<Map<String, Object>> docs, String kind, String name) {
    return docs.stream()
        .filter(d -> kind.equals(d.get("kind")) && name.equals(at(d, "metadata", "name")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in " + summary(docs)));
  }

  static boolean has(List<Map<String, Object>> docs, String kind, String name) {
    return docs.stream().anyMatch(d -> kind.equals(d.get("kind")) && name.equals(at(d, "metadata", "name")));
  }

  static List<String> summary(List<Map<String, Object>> docs) {
    return docs.stream().map(d -> d.get("kind") + "/" + at(d, "metadata", "name")).collect(Collectors.toList());
  }

  /** Navigates maps by key and lists by numeric index: at(doc, "spec", "containers", "0", "name"). */
  @SuppressWarnings("unchecked")
  static <T> T at(Object node, String... path) {
    Object cur = node;
    for (String p : path) {
      if (cur instanceof Map<?, ?> m) {
        cur = m.get(p);
      } else if (cur instanceof List<?> l) {
        cur = l.get(Integer.parseInt(p));
      } else {
        return null;
      }
    }
    return (T) cur;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> annotations(Map<String, Object> doc) {
    Map<String, Object> a = at(doc, "metadata", "annotations");
    return a == null ? Map.of() : a;
  }

  /** name -> EnvVar map of a container. */
  static Map<String, Map<String, Object>> env(Map<String, Object> container) {
    List<Map<String, Object>> env = at(container, "env");
    Map<String, Map<String, Object>> out = new LinkedHashMap<>();
    for (Map<String, Object> e : Objects.requireNonNullElse(env, List.<Map<String, Object>>of())) {
      out.put((String) e.get("name"), e);
    }
    return out;
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
