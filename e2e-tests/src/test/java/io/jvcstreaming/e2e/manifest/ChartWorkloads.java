package io.jvcstreaming.e2e.manifest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rendered chart's documents → the containers to start and the Services that name them. Reads exactly what the
 * manifests say (env values, ConfigMaps and Secrets they reference, field refs, Service selectors and target ports,
 * probes, mounts, the SparkApplications' driver settings) and refuses, with the reason, what it does not know how to
 * start (sidecars, init containers, DaemonSets, Jobs) rather than leaving it out silently.
 */
final class ChartWorkloads {

  /** A Service: its name, the workload its selector picks, service port → container port. */
  record ServiceEntry(String name, String workload, Map<Integer, Integer> ports) {
  }

  /** Everything the chart asks to run, plus what the mapping left out on purpose (printed by the test). */
  record Chart(String namespace, List<Workload> workloads, List<ServiceEntry> services, List<String> notes) {
  }

  private final String namespace;
  private final Function<String, String> podIp;
  private final Map<String, Map<String, String>> configMaps = new LinkedHashMap<>();
  private final Map<String, Map<String, String>> secrets = new LinkedHashMap<>();
  private final List<String> notes = new ArrayList<>();

  private ChartWorkloads(String namespace, Function<String, String> podIp) {
    this.namespace = namespace;
    this.podIp = podIp;
  }

  /**
   * @param docs  the rendered documents (Helm hooks are skipped: `helm test` pods are not part of an install)
   * @param podIp the local address each workload gets as its pod IP (for {@code status.podIP} and Service links)
   */
  static Chart read(List<Map<String, Object>> docs, String namespace, Function<String, String> podIp) {
    return new ChartWorkloads(namespace, podIp).readAll(docs);
  }

  private Chart readAll(List<Map<String, Object>> all) {
    List<Map<String, Object>> docs = new ArrayList<>();
    for (Map<String, Object> d : all) {
      if (Tree.at(d, "metadata", "annotations", "helm.sh/hook") != null) {
        notes.add("helm hook " + d.get("kind") + "/" + name(d) + " not run (only `helm test` runs it)");
      } else {
        docs.add(d);
      }
    }
    for (Map<String, Object> d : docs) {
      switch (String.valueOf(d.get("kind"))) {
        case "ConfigMap" -> configMaps.put(name(d), Tree.stringMap(d, "data"));
        case "Secret" -> secrets.put(name(d), secretData(d));
        case "DaemonSet", "Job", "CronJob", "ReplicaSet", "Pod" ->
            throw new IllegalStateException("the chart renders a " + d.get("kind") + " (" + name(d)
                + "); ChartWorkloads does not start those yet: extend it rather than leave it out");
        default -> { }
      }
    }
    List<Map<String, Object>> podOwners = docs.stream()
        .filter(d -> "Deployment".equals(d.get("kind")) || "StatefulSet".equals(d.get("kind"))).toList();
    List<ServiceEntry> services = new ArrayList<>();
    for (Map<String, Object> svc : docs.stream().filter(d -> "Service".equals(d.get("kind"))).toList()) {
      services.add(service(svc, podOwners));
    }
    List<Workload> workloads = new ArrayList<>();
    // Infrastructure first (StatefulSets, then Deployments, in render order), Spark drivers last: k8s starts all at
    // once and lets restarts sort it out; one start without restarts needs an order (see LocalStack).
    for (String kind : List.of("StatefulSet", "Deployment")) {
      for (Map<String, Object> d : podOwners) {
        if (kind.equals(d.get("kind"))) {
          workloads.add(pod(d, services));
        }
      }
    }
    for (Map<String, Object> d : docs) {
      if ("SparkApplication".equals(d.get("kind"))) {
        workloads.add(sparkDriver(d, services));
      }
    }
    return new Chart(namespace, workloads, services, notes);
  }

  private static String name(Map<String, Object> d) {
    return Tree.string(d, "metadata", "name");
  }

  private static Map<String, String> secretData(Map<String, Object> d) {
    Map<String, String> out = new LinkedHashMap<>();
    Tree.stringMap(d, "data").forEach((k, v) -> out.put(k,
        new String(Base64.getDecoder().decode(v.replaceAll("\\s", "")), StandardCharsets.UTF_8)));
    out.putAll(Tree.stringMap(d, "stringData"));
    return out;
  }

  private ServiceEntry service(Map<String, Object> svc, List<Map<String, Object>> podOwners) {
    Map<String, String> selector = Tree.stringMap(svc, "spec", "selector");
    Map<String, Object> owner = podOwners.stream()
        .filter(d -> Tree.stringMap(d, "spec", "template", "metadata", "labels").entrySet()
            .containsAll(selector.entrySet()))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("Service " + name(svc) + " selects no pod of the chart: "
            + selector));
    Map<String, Object> container = Tree.at(owner, "spec", "template", "spec", "containers", "0");
    Map<Integer, Integer> ports = new LinkedHashMap<>();
    for (Object p : Tree.list(svc, "spec", "ports")) {
      int port = Integer.parseInt(Tree.string(p, "port"));
      Object target = Tree.at(p, "targetPort");
      ports.put(port, target == null ? port : containerPort(container, String.valueOf(target), "Service " + name(svc)));
    }
    return new ServiceEntry(name(svc), name(owner), ports);
  }

  /** A port given by number or by the container port's name. */
  private static int containerPort(Map<String, Object> container, String port, String where) {
    if (port.chars().allMatch(Character::isDigit)) {
      return Integer.parseInt(port);
    }
    for (Object p : Tree.list(container, "ports")) {
      if (port.equals(Tree.string(p, "name"))) {
        return Integer.parseInt(Tree.string(p, "containerPort"));
      }
    }
    throw new IllegalStateException(where + ": no container port named '" + port + "' in "
        + Tree.list(container, "ports"));
  }

  private Workload pod(Map<String, Object> owner, List<ServiceEntry> services) {
    String name = name(owner);
    Map<String, Object> spec = Tree.map(owner, "spec", "template", "spec");
    List<Object> containers = Tree.list(spec, "containers");
    if (containers.size() != 1 || !Tree.list(spec, "initContainers").isEmpty()) {
      throw new IllegalStateException(owner.get("kind") + " " + name + ": " + containers.size() + " containers, "
          + Tree.list(spec, "initContainers").size() + " init containers; only single-container pods are mapped");
    }
    Object replicas = Tree.at(owner, "spec", "replicas");
    if (replicas != null && Integer.parseInt(String.valueOf(replicas)) > 1) {
      notes.add(name + ": " + replicas + " replicas rendered, one started (no API server for its Lease election)");
    }
    Map<String, Object> c = Tree.map(containers.get(0));
    // StatefulSet pods are <name>-0; a Deployment's have a hash suffix nobody can predict: <name>-0 stands in.
    String podName = name + "-0";
    Map<String, String> env = new LinkedHashMap<>();
    if (!Boolean.FALSE.equals(Tree.at(spec, "enableServiceLinks"))) {
      env.putAll(serviceLinks(services));
    }
    resolveEnv(c, env, podName, name, Tree.string(spec, "serviceAccountName"));
    Map<String, Integer> ports = new LinkedHashMap<>();
    for (Object p : Tree.list(c, "ports")) {
      String pn = Tree.string(p, "name");
      int number = Integer.parseInt(Tree.string(p, "containerPort"));
      ports.put(pn == null ? Integer.toString(number) : pn, number);
    }
    List<Probe> probes = new ArrayList<>();
    for (String role : List.of("readiness", "liveness", "startup")) {
      Map<String, Object> p = Tree.at(c, role + "Probe");
      if (p != null) {
        probes.add(probe(role, p, c, name));
      }
    }
    Map<String, String> mounts = new LinkedHashMap<>();
    Map<String, String> volumeKeys = new LinkedHashMap<>();
    for (Object v : Tree.list(spec, "volumes")) {
      String vn = Tree.string(v, "name");
      String claim = Tree.string(v, "persistentVolumeClaim", "claimName");
      volumeKeys.put(vn, claim != null ? "pvc-" + claim : name + "-" + vn);
    }
    for (Object t : Tree.list(owner, "spec", "volumeClaimTemplates")) {
      String vn = Tree.string(t, "metadata", "name");
      volumeKeys.put(vn, "pvc-" + vn + "-" + podName);
    }
    for (Object m : Tree.list(c, "volumeMounts")) {
      String vn = Tree.string(m, "name");
      mounts.put(Tree.string(m, "mountPath"), Objects.requireNonNull(volumeKeys.get(vn),
          () -> name + ": volumeMount " + vn + " has no volume"));
    }
    String limit = Tree.string(c, "resources", "limits", "memory");
    return new Workload(name, Tree.string(c, "image"), Tree.at(c, "command") == null ? null : Tree.strings(c, "command"),
        Tree.at(c, "args") == null ? null : Tree.strings(c, "args"), env, ports, probes, mounts, Map.of(),
        limit == null ? 0 : KubeEnv.bytes(limit), null);
  }

  private static Probe probe(String role, Map<String, Object> p, Map<String, Object> c, String where) {
    if (Tree.at(p, "httpGet") != null) {
      String path = Tree.string(p, "httpGet", "path");
      return new Probe(role, Probe.Kind.HTTP, path == null ? "/" : path,
          containerPort(c, Tree.string(p, "httpGet", "port"), where + " " + role + "Probe"), null);
    }
    if (Tree.at(p, "tcpSocket") != null) {
      return new Probe(role, Probe.Kind.TCP, null,
          containerPort(c, Tree.string(p, "tcpSocket", "port"), where + " " + role + "Probe"), null);
    }
    if (Tree.at(p, "exec") != null) {
      return new Probe(role, Probe.Kind.EXEC, null, 0, Tree.strings(p, "exec", "command"));
    }
    throw new IllegalStateException(where + " " + role + "Probe: neither httpGet, tcpSocket nor exec: " + p);
  }

  /**
   * The variables the kubelet adds for every Service of the namespace (enableServiceLinks, on by default):
   * {@code <NAME>_SERVICE_HOST/_PORT}, {@code <NAME>_PORT=tcp://ip:port} and the per-port ones. They matter: an
   * app reading {@code <PREFIX>_PORT} meets {@code tcp://...} when a Service is called {@code <prefix>}.
   */
  private Map<String, String> serviceLinks(List<ServiceEntry> services) {
    Map<String, String> env = new LinkedHashMap<>();
    for (ServiceEntry s : services) {
      String p = KubeEnv.serviceLinkPrefix(s.name());
      String ip = podIp.apply(s.workload());
      boolean first = true;
      for (int port : s.ports().keySet()) {
        if (first) {
          env.put(p + "_SERVICE_HOST", ip);
          env.put(p + "_SERVICE_PORT", Integer.toString(port));
          env.put(p + "_PORT", "tcp://" + ip + ":" + port);
          first = false;
        }
        String pp = p + "_PORT_" + port + "_TCP";
        env.put(pp, "tcp://" + ip + ":" + port);
        env.put(pp + "_PROTO", "tcp");
        env.put(pp + "_PORT", Integer.toString(port));
        env.put(pp + "_ADDR", ip);
      }
    }
    return env;
  }

  /** envFrom, then env (which wins), each value expanded against what is defined before it, as the kubelet does. */
  private void resolveEnv(Map<String, Object> c, Map<String, String> env, String podName, String workload,
                          String serviceAccount) {
    for (Object from : Tree.list(c, "envFrom")) {
      String prefix = Objects.requireNonNullElse(Tree.string(from, "prefix"), "");
      String cm = Tree.string(from, "configMapRef", "name");
      String sec = Tree.string(from, "secretRef", "name");
      Map<String, String> source = cm != null ? configMaps.get(cm) : secrets.get(sec);
      if (source == null) {
        throw new IllegalStateException(workload + ": envFrom " + (cm != null ? "ConfigMap " + cm : "Secret " + sec)
            + " is not in the rendered chart");
      }
      source.forEach((k, v) -> env.put(prefix + k, v));
    }
    for (Object e : Tree.list(c, "env")) {
      String key = Tree.string(e, "name");
      String value = Tree.string(e, "value");
      if (value != null) {
        env.put(key, KubeEnv.expand(value, env));
        continue;
      }
      Map<String, Object> from = Tree.map(e, "valueFrom");
      String resolved;
      if (from.containsKey("configMapKeyRef")) {
        resolved = ref(configMaps, "ConfigMap", Tree.map(from, "configMapKeyRef"), workload, key);
      } else if (from.containsKey("secretKeyRef")) {
        resolved = ref(secrets, "Secret", Tree.map(from, "secretKeyRef"), workload, key);
      } else if (from.containsKey("fieldRef")) {
        String field = Tree.string(from, "fieldRef", "fieldPath");
        resolved = switch (field) {
          case "metadata.name" -> podName;
          case "metadata.namespace" -> namespace;
          case "status.podIP" -> podIp.apply(workload);
          case "spec.serviceAccountName" -> serviceAccount;
          case "spec.nodeName" -> "localhost";
          default -> throw new IllegalStateException(workload + ": env " + key + " fieldRef " + field
              + " is not emulated");
        };
      } else {
        throw new IllegalStateException(workload + ": env " + key + " valueFrom " + from.keySet() + " is not emulated");
      }
      if (resolved != null) {
        env.put(key, resolved);
      }
    }
  }

  private static String ref(Map<String, Map<String, String>> objects, String kind, Map<String, Object> ref,
                            String workload, String key) {
    String objectName = Tree.string(ref, "name");
    String k = Tree.string(ref, "key");
    boolean optional = Boolean.TRUE.equals(ref.get("optional"));
    Map<String, String> data = objects.get(objectName);
    if (data == null || !data.containsKey(k)) {
      if (optional) {
        return null;
      }
      // The kubelet would keep the pod in CreateContainerConfigError: the chart is broken, not the mapping.
      throw new AssertionError(workload + ": env " + key + " refers to " + kind + " " + objectName + " key " + k
          + ", which the chart does not render (the pod would never start)");
    }
    return data.get(k);
  }

  private Workload sparkDriver(Map<String, Object> app, List<ServiceEntry> services) {
    String name = name(app);
    Map<String, Object> spec = Tree.map(app, "spec");
    Map<String, Object> driver = Tree.map(spec, "driver");
    Map<String, String> conf = Tree.stringMap(spec, "sparkConf");
    String podName = Objects.requireNonNullElse(Tree.string(driver, "podName"), name + "-driver");
    Map<String, String> env = new LinkedHashMap<>(serviceLinks(services));
    // spark.kubernetes.driverEnv.X is how Spark itself sets the driver's env; the executors (the same JVM in local
    // mode) get spark.executorEnv.X: both end up in the one process.
    conf.forEach((k, v) -> {
      if (k.startsWith("spark.executorEnv.")) {
        env.put(k.substring("spark.executorEnv.".length()), v);
      }
    });
    conf.forEach((k, v) -> {
      if (k.startsWith("spark.kubernetes.driverEnv.")) {
        env.put(k.substring("spark.kubernetes.driverEnv.".length()), v);
      }
    });
    // spark.kubernetes.{driver,executor}.secretKeyRef.ENV = secret:key: Spark puts the Secret's key into ENV.
    for (String role : List.of("executor", "driver")) {
      String refPrefix = "spark.kubernetes." + role + ".secretKeyRef.";
      conf.forEach((k, v) -> {
        if (k.startsWith(refPrefix)) {
          String var = k.substring(refPrefix.length());
          String[] secretKey = v.split(":", 2);
          env.put(var, ref(secrets, "Secret", Map.of("name", secretKey[0], "key", secretKey.length > 1 ? secretKey[1] : ""),
              name, var));
        }
      });
    }
    resolveEnv(driver, env, podName, name, Tree.string(driver, "serviceAccount"));
    Map<String, String> mounts = new LinkedHashMap<>();
    // spark.kubernetes.driver.volumes.<type>.<name>.mount.path (the executors mount the same in local mode: one JVM)
    Pattern volume = Pattern.compile("spark\\.kubernetes\\.driver\\.volumes\\.([A-Za-z]+)\\.([^.]+)\\.mount\\.path");
    conf.forEach((k, v) -> {
      Matcher m = volume.matcher(k);
      if (m.matches()) {
        String type = m.group(1);
        String vol = m.group(2);
        String options = "spark.kubernetes.driver.volumes." + type + "." + vol + ".options.";
        mounts.put(v, switch (type) {
          case "persistentVolumeClaim" -> "pvc-" + conf.getOrDefault(options + "claimName", vol);
          case "emptyDir" -> name + "-" + vol;
          default -> throw new IllegalStateException(name + ": Spark volume type " + type + " is not emulated");
        });
      }
    });
    Map<String, String> volumeKeys = new LinkedHashMap<>();
    for (Object v : Tree.list(spec, "volumes")) {
      String claim = Tree.string(v, "persistentVolumeClaim", "claimName");
      volumeKeys.put(Tree.string(v, "name"), claim != null ? "pvc-" + claim : name + "-" + Tree.string(v, "name"));
    }
    for (Object m : Tree.list(driver, "volumeMounts")) {
      mounts.put(Tree.string(m, "mountPath"), Objects.requireNonNull(volumeKeys.get(Tree.string(m, "name")),
          () -> name + ": driver volumeMount without a volume: " + m));
    }
    String javaOptions = Objects.requireNonNullElse(Tree.string(driver, "javaOptions"), "").strip();
    List<String> jvm = javaOptions.isEmpty() ? List.of() : List.of(javaOptions.split("\\s+"));
    int cores = Integer.parseInt(Objects.requireNonNullElse(Tree.string(spec, "executor", "cores"), "1"));
    int instances = Integer.parseInt(Objects.requireNonNullElse(Tree.string(spec, "executor", "instances"), "1"));
    Workload.Spark spark = new Workload.Spark(Tree.string(spec, "mainClass"), Tree.string(spec, "mainApplicationFile"),
        Tree.strings(spec, "arguments"), conf, jvm,
        Objects.requireNonNullElse(Tree.string(driver, "memory"), "1g"), cores * instances);
    return new Workload(name, Tree.string(spec, "image"), null, null, env, Map.of(), List.of(), mounts, Map.of(), 0,
        spark);
  }
}
