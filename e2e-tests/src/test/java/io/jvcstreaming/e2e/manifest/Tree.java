package io.jvcstreaming.e2e.manifest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** YAML documents as plain maps and lists (snakeyaml, safe constructor), and navigation in them. */
final class Tree {

  private Tree() {
  }

  /** Every non-empty document of a (multi-document) YAML text, in order. */
  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> documents(String yaml) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Object doc : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(yaml)) {
      if (doc instanceof Map<?, ?> m && !m.isEmpty()) {
        out.add((Map<String, Object>) m);
      }
    }
    return out;
  }

  /** Navigates maps by key and lists by index: at(doc, "spec", "containers", "0", "name"); null when absent. */
  @SuppressWarnings("unchecked")
  static <T> T at(Object node, String... path) {
    Object cur = node;
    for (String p : path) {
      if (cur instanceof Map<?, ?> m) {
        cur = m.get(p);
      } else if (cur instanceof List<?> l && p.chars().allMatch(Character::isDigit) && Integer.parseInt(p) < l.size()) {
        cur = l.get(Integer.parseInt(p));
      } else {
        return null;
      }
    }
    return (T) cur;
  }

  static Map<String, Object> map(Object node, String... path) {
    Map<String, Object> m = at(node, path);
    return m == null ? Map.of() : m;
  }

  static List<Object> list(Object node, String... path) {
    List<Object> l = at(node, path);
    return l == null ? List.of() : l;
  }

  /** A string list (numbers and booleans as YAML wrote them); empty when absent. */
  static List<String> strings(Object node, String... path) {
    List<String> out = new ArrayList<>();
    for (Object o : list(node, path)) {
      out.add(String.valueOf(o));
    }
    return out;
  }

  /** A string map; null values become "". */
  static Map<String, String> stringMap(Object node, String... path) {
    Map<String, String> out = new LinkedHashMap<>();
    map(node, path).forEach((k, v) -> out.put(k, v == null ? "" : String.valueOf(v)));
    return out;
  }

  static String string(Object node, String... path) {
    Object o = at(node, path);
    return o == null ? null : String.valueOf(o);
  }
}
