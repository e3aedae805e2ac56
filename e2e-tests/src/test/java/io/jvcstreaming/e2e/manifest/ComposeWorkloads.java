package io.jvcstreaming.e2e.manifest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * docker-compose.yml → the services to start, in {@code depends_on} order, with compose's own rules: variable
 * interpolation ({@code ${X:-default}}, {@code ${X-default}}, {@code ${X}}, {@code $$}), profiles, {@code environment}
 * as map or list, {@code command}/{@code entrypoint} as list or string, {@code ports}, named volumes and tmpfs,
 * {@code healthcheck.test} (CMD / CMD-SHELL).
 */
final class ComposeWorkloads {

  private ComposeWorkloads() {
  }

  /**
   * @param yaml      the compose file's text
   * @param variables what compose interpolates from (the shell environment and .env)
   * @param profiles  active profiles ({@code --profile demo})
   */
  static List<Workload> read(String yaml, Map<String, String> variables, Set<String> profiles) {
    Map<String, Object> doc = Tree.documents(yaml).get(0);
    Map<String, Workload> byName = new LinkedHashMap<>();
    Tree.map(doc, "services").forEach((name, raw) -> {
      Object svc = interpolate(raw, variables);
      List<String> svcProfiles = Tree.strings(svc, "profiles");
      if (svcProfiles.isEmpty() || svcProfiles.stream().anyMatch(profiles::contains)) {
        byName.put(name, service(name, svc));
      }
    });
    return ordered(byName);
  }

  /** depends_on first (a cycle or a dependency on a service that is not started is an error, as in compose). */
  private static List<Workload> ordered(Map<String, Workload> byName) {
    List<Workload> out = new ArrayList<>();
    List<String> visiting = new ArrayList<>();
    for (String name : byName.keySet()) {
      visit(name, byName, out, visiting);
    }
    return out;
  }

  private static void visit(String name, Map<String, Workload> byName, List<Workload> out, List<String> visiting) {
    Workload w = byName.get(name);
    if (w == null) {
      throw new IllegalStateException("depends_on names service '" + name + "', which is not started"
          + " (unknown, or in a profile that is not active)");
    }
    if (out.contains(w)) {
      return;
    }
    if (visiting.contains(name)) {
      throw new IllegalStateException("depends_on cycle: " + visiting + " -> " + name);
    }
    visiting.add(name);
    for (String dep : w.dependsOn().keySet()) {
      visit(dep, byName, out, visiting);
    }
    visiting.remove(name);
    out.add(w);
  }

  private static Workload service(String name, Object svc) {
    Map<String, String> env = new LinkedHashMap<>();
    Object environment = Tree.at(svc, "environment");
    if (environment instanceof Map<?, ?>) {
      env.putAll(Tree.stringMap(svc, "environment"));
    } else {
      for (String kv : Tree.strings(svc, "environment")) {
        int eq = kv.indexOf('=');
        if (eq > 0) {
          env.put(kv.substring(0, eq), kv.substring(eq + 1));
        }
      }
    }
    Map<String, Integer> ports = new LinkedHashMap<>();
    List<Probe> probes = new ArrayList<>();
    for (Object p : Tree.list(svc, "ports")) {
      String spec = p instanceof Map<?, ?> ? Tree.string(p, "target") : String.valueOf(p);
      String[] parts = spec.split(":");
      int containerPort = Integer.parseInt(parts[parts.length - 1].replaceAll("/.*", ""));
      ports.put(Integer.toString(containerPort), containerPort);
      // What a published port means: docker-proxy forwards host:port to the container's IP, not its loopback.
      probes.add(new Probe("published port", Probe.Kind.TCP, null, containerPort, null));
    }
    Object test = Tree.at(svc, "healthcheck", "test");
    if (test != null) {
      List<String> t = test instanceof List<?> ? Tree.strings(svc, "healthcheck", "test") : List.of("CMD-SHELL", test.toString());
      switch (t.get(0)) {
        case "CMD" -> probes.add(new Probe("healthcheck", Probe.Kind.EXEC, null, 0, t.subList(1, t.size())));
        case "CMD-SHELL" -> probes.add(new Probe("healthcheck", Probe.Kind.EXEC, null, 0,
            List.of("/bin/sh", "-c", String.join(" ", t.subList(1, t.size())))));
        case "NONE" -> { }
        default -> throw new IllegalStateException(name + ": healthcheck.test starts with " + t.get(0));
      }
    }
    Map<String, String> mounts = new LinkedHashMap<>();
    for (Object v : Tree.list(svc, "volumes")) {
      String source;
      String target;
      if (v instanceof Map<?, ?>) {
        source = Tree.string(v, "source");
        target = Tree.string(v, "target");
      } else {
        String[] parts = String.valueOf(v).split(":");
        source = parts[0];
        target = parts[1];
      }
      mounts.put(target, "volume-" + source.replaceAll("[^A-Za-z0-9_.-]", "_"));
    }
    for (String tmpfs : Tree.strings(svc, "tmpfs")) {
      mounts.put(tmpfs.split(":")[0], name + "-tmpfs" + tmpfs.split(":")[0].replace('/', '-'));
    }
    Map<String, String> dependsOn = new LinkedHashMap<>();
    Object deps = Tree.at(svc, "depends_on");
    if (deps instanceof Map<?, ?>) {
      Tree.map(svc, "depends_on").forEach((dep, cond) ->
          dependsOn.put(dep, String.valueOf(Tree.at(cond, "condition") == null ? "service_started"
              : Tree.at(cond, "condition"))));
    } else {
      Tree.strings(svc, "depends_on").forEach(dep -> dependsOn.put(dep, "service_started"));
    }
    String limit = Tree.string(svc, "mem_limit");
    if (limit == null) {
      limit = Tree.string(svc, "deploy", "resources", "limits", "memory");
    }
    return new Workload(name, Tree.string(svc, "image"), words(svc, "entrypoint"), words(svc, "command"), env, ports,
        probes, mounts, dependsOn, limit == null ? 0 : dockerBytes(limit), null);
  }

  /** A list as given; a string split on whitespace (compose splits with shell rules; ours have no quotes). */
  private static List<String> words(Object svc, String key) {
    Object v = Tree.at(svc, key);
    if (v == null) {
      return null;
    }
    return v instanceof List<?> ? Tree.strings(svc, key) : List.of(v.toString().strip().split("\\s+"));
  }

  private static long dockerBytes(String s) {
    String q = s.strip().toLowerCase();
    long unit = q.endsWith("g") ? 1L << 30 : q.endsWith("m") ? 1L << 20 : q.endsWith("k") ? 1L << 10 : 1;
    return (long) (Double.parseDouble(unit == 1 ? q.replaceAll("b$", "") : q.substring(0, q.length() - 1)) * unit);
  }

  /** Compose's interpolation over every string of the tree. */
  @SuppressWarnings("unchecked")
  static Object interpolate(Object node, Map<String, String> vars) {
    if (node instanceof String s) {
      return interpolate(s, vars);
    }
    if (node instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      ((Map<String, Object>) m).forEach((k, v) -> out.put(k, interpolate(v, vars)));
      return out;
    }
    if (node instanceof List<?> l) {
      List<Object> out = new ArrayList<>();
      l.forEach(v -> out.add(interpolate(v, vars)));
      return out;
    }
    return node;
  }

  static String interpolate(String s, Map<String, String> vars) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c != '$' || i + 1 >= s.length()) {
        out.append(c);
        i++;
      } else if (s.charAt(i + 1) == '$') {
        out.append('$');
        i += 2;
      } else if (s.charAt(i + 1) == '{') {
        int close = s.indexOf('}', i);
        if (close < 0) {
          throw new IllegalArgumentException("unclosed ${ in: " + s);
        }
        String expr = s.substring(i + 2, close);
        out.append(resolve(expr, vars, s));
        i = close + 1;
      } else {
        int j = i + 1;
        while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) {
          j++;
        }
        out.append(vars.getOrDefault(s.substring(i + 1, j), ""));
        i = j;
      }
    }
    return out.toString();
  }

  private static String resolve(String expr, Map<String, String> vars, String whole) {
    int colonDash = expr.indexOf(":-");
    int dash = expr.indexOf('-');
    int colonQ = expr.indexOf(":?");
    if (colonDash > 0) {
      String v = vars.get(expr.substring(0, colonDash));
      return v == null || v.isEmpty() ? expr.substring(colonDash + 2) : v;
    }
    if (colonQ > 0) {
      String v = vars.get(expr.substring(0, colonQ));
      if (v == null || v.isEmpty()) {
        throw new IllegalArgumentException("compose requires " + expr.substring(0, colonQ) + ": "
            + expr.substring(colonQ + 2) + " (in " + whole + ")");
      }
      return v;
    }
    if (dash > 0) {
      String v = vars.get(expr.substring(0, dash));
      return v == null ? expr.substring(dash + 1) : v;
    }
    return vars.getOrDefault(expr, "");
  }
}
