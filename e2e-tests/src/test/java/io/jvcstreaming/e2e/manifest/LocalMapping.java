package io.jvcstreaming.e2e.manifest;

import io.jvcstreaming.e2e.support.Env;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import redis.embedded.core.ExecutableProvider;

/**
 * A container as a local process: the explicit table image → local command, and the few rewrites a single machine
 * needs. Everything else is taken from the manifest as it is.
 *
 * <p>The table:
 * <ul>
 *   <li>the project's images ({@link #DOCKERFILES}): ENV, ENTRYPOINT, CMD and the copied jars are read from the
 *       image's Dockerfile; {@code java} is this JVM's launcher, {@code /opt/app/x.jar} the jar the build stage
 *       copied ({@code scraper-vertx/target/scraper-vertx.jar}, ...);</li>
 *   <li>{@code redis}: the redis-server binary embedded-redis ships (6.2; the image is 7.4), with the container's
 *       arguments (the image's entrypoint only fixes /data ownership before exec);</li>
 *   <li>the Spark image: a SparkApplication becomes {@code java <driver.javaOptions> -Xmx<driver.memory> -D<sparkConf>... -cp
 *       spark-analytics.jar <mainClass> <arguments>} in local mode with as many threads as the executors' task slots
 *       (cores × instances); a {@code spark-submit} command (compose) is translated the same way, plus the Java 17
 *       flags spark-submit adds itself.</li>
 * </ul>
 *
 * <p>The rewrites: host names of Services (compose: service names) → the workload's own loopback address (see
 * {@link LocalStack}); mount paths → a directory per volume under the test's log directory (a PVC or named volume
 * shared by every workload that mounts it, an emptyDir/tmpfs per pod, the image's own {@code /tmp} per pod);
 * ports moved by {@link PortPlan}; a container memory limit → {@code -XX:MaxRAM} for a JVM (so it sizes its heap as
 * it would under the cgroup limit); a Spark driver's heap is its driver memory, as Spark sets it.
 *
 * <p>What this does not emulate: NetworkPolicies (everything reaches everything on loopback), RBAC and
 * ServiceAccount tokens, the Lease election of an HA scraper (one replica starts), probes' timing (periods,
 * thresholds, initial delays: each probe is checked once it first passes, with a deadline), restarts and
 * restartPolicy, resource requests and limits (no cgroup: a process may use more than its limit), PVC semantics
 * (access modes, storage classes, reclaim), securityContext (user, read-only root filesystem, capabilities, seccomp),
 * the Spark operator (its pod naming, driver/executor pods, submission, webhook mutation, spark.kubernetes.* conf),
 * executors in their own JVMs (local mode runs them in the driver's), DNS search domains and StatefulSet pod DNS
 * names, image pull, Helm hooks, compose's restart/init/read_only, and a host name an app assembles at run time.
 */
final class LocalMapping {

  /** Image repository → the Dockerfile that builds it (compose's build sections name the same files). */
  static final Map<String, String> DOCKERFILES = Map.of(
      "jvc-streaming/scraper", "scraper-vertx/Dockerfile",
      "jvc-streaming/spark-analytics", "spark-analytics/Dockerfile",
      "jvc-streaming/dashboard", "docker/dashboard.Dockerfile",
      "jvc-streaming/forum-simulator", "forum-simulator/Dockerfile");

  /** What spark-submit adds to a driver JVM on Java 17 (spark-launcher 3.5.8 JavaModuleOptions). */
  static final List<String> SPARK_SUBMIT_JAVA17 = List.of("-XX:+IgnoreUnrecognizedVMOptions",
      "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
      "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED", "--add-opens=java.base/java.io=ALL-UNNAMED",
      "--add-opens=java.base/java.net=ALL-UNNAMED", "--add-opens=java.base/java.nio=ALL-UNNAMED",
      "--add-opens=java.base/java.util=ALL-UNNAMED", "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
      "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED", "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED",
      "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED", "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED",
      "--add-opens=java.base/sun.security.action=ALL-UNNAMED", "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED",
      "--add-opens=java.security.jgss/sun.security.krb5=ALL-UNNAMED", "-Djdk.reflect.useDirectMethodHandle=false");

  /** sparkConf prefixes that mean nothing in local mode (the operator, pods, executors' own JVMs). */
  private static final List<String> NOT_LOCAL = List.of("spark.kubernetes.", "spark.executorEnv.", "spark.executor.",
      "spark.driver.memory", "spark.driver.cores", "spark.dynamicAllocation.", "spark.master", "spark.submit.");

  /** The process to start: its argv and its whole environment, plus what the mapping changed or left out. */
  record Local(List<String> argv, Map<String, String> env, List<String> notes) {
  }

  private final Path repo;
  private final HostMap hosts;
  private final PortPlan ports;
  private final Path volumes;

  LocalMapping(Path repo, HostMap hosts, PortPlan ports, Path volumes) {
    this.repo = repo;
    this.hosts = hosts;
    this.ports = ports;
    this.volumes = volumes;
  }

  static String repository(String image) {
    int slash = image.lastIndexOf('/');
    int colon = image.lastIndexOf(':');
    return colon > slash ? image.substring(0, colon) : image;
  }

  /** The Spark UI port the mapping gives each driver (4040 in every driver pod). */
  static final int SPARK_UI = 4040;

  /**
   * @param kube  true: k8s rules ($(VAR) expansion in command/args); false: compose (already interpolated)
   */
  Local map(Workload w, String ip, boolean kube) {
    Path podDir = volumes.resolve("pod-" + w.name());
    List<String> notes = new ArrayList<>();
    Dockerfile image = image(w.image());
    Map<String, String> env = new LinkedHashMap<>();
    env.putAll(image.env());
    env.putAll(w.env());
    Map<Integer, Integer> moved = ports.remapsOf(w.name());
    env.replaceAll((k, v) -> local(v, w, moved));
    // What the container runtime adds, local paths (added after the rewrite, which is for manifest values only).
    env.putIfAbsent("HOSTNAME", w.name());
    env.putIfAbsent("HOME", dir(podDir.resolve("home")).toString());
    String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
    if (image.cmd() != null && image.cmd().equals(List.of("redis-server"))) {
      // the redis image has redis-server on its PATH (a shell command may call it): so does this process
      Path bin = dir(podDir.resolve("bin"));
      try {
        Files.deleteIfExists(bin.resolve("redis-server"));
        Files.createSymbolicLink(bin.resolve("redis-server"), Path.of(redisServer()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      path = bin + ":" + path;
    }
    env.put("PATH", path);
    List<String> argv = new ArrayList<>();
    // Manifest values are rewritten (hosts, ports, mounts) before local paths enter the command, never after.
    UnaryOperator<String> rewrite = v -> local(v, w, moved);
    if (w.spark() != null) {
      argv.addAll(sparkDriver(w, ip, rewrite, notes));
    } else {
      List<String> entry = w.entrypoint() != null ? w.entrypoint() : image.entrypoint();
      List<String> cmd = w.args() != null ? w.args() : w.entrypoint() != null ? null : image.cmd();
      if (entry != null) {
        argv.addAll(entry);
      }
      if (cmd != null) {
        argv.addAll(cmd);
      }
      if (argv.isEmpty()) {
        throw new IllegalStateException(w.name() + ": image " + w.image() + " has no entrypoint and none is given");
      }
      if (kube) {
        argv.replaceAll(a -> KubeEnv.expand(a, env));
      }
      argv.replaceAll(rewrite);
      argv = binaries(w, argv, image, ip, env, notes);
      argv.replaceAll(a -> inImage(a, image));
    }
    if (w.memoryLimit() > 0 && argv.get(0).equals(Env.java()) && w.spark() == null) {
      argv.add(1, "-XX:MaxRAM=" + w.memoryLimit());
    }
    moved.forEach((from, to) -> notes.add("port " + from + " moved to " + to + " (see PortPlan)"));
    return new Local(argv, env, notes);
  }

  private Dockerfile image(String image) {
    String repoName = repository(image);
    String file = DOCKERFILES.get(repoName);
    if (file != null) {
      return Dockerfile.read(repo.resolve(file), repo);
    }
    if (repoName.equals("redis") || repoName.endsWith("/redis")) {
      // docker-entrypoint.sh: chown /data when root, then exec the command; CMD ["redis-server"]
      return new Dockerfile(image, Map.of(), List.of(), List.of("redis-server"), Map.of());
    }
    throw new IllegalStateException("no local stand-in for image " + image + ": add it to LocalMapping's table");
  }

  /** argv[0] → the local program. */
  private List<String> binaries(Workload w, List<String> argv, Dockerfile image, String ip, Map<String, String> env,
                                List<String> notes) {
    String exe = argv.get(0);
    List<String> out = new ArrayList<>(argv);
    switch (exe) {
      case "java", "/opt/java/openjdk/bin/java" -> out.set(0, Env.java());
      case "redis-server", "/usr/local/bin/redis-server" -> out.set(0, redisServer());
      case "/opt/spark/bin/spark-submit", "spark-submit" -> {
        return sparkSubmit(w, argv.subList(1, argv.size()), image, ip, notes);
      }
      default -> {
        boolean onPath = !exe.contains("/") && List.of(env.get("PATH").split(":")).stream()
            .anyMatch(d -> Files.isExecutable(Path.of(d, exe)));
        if (!onPath && !Files.isExecutable(Path.of(exe))) {
          throw new IllegalStateException(w.name() + ": no local stand-in for the command " + exe + " of image "
              + w.image());
        }
      }
    }
    return out;
  }

  static String redisServer() {
    try {
      return ExecutableProvider.newJarResourceProvider().get().getAbsolutePath();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot extract embedded-redis' server binary", e);
    }
  }

  /** A SparkApplication's driver: main class, arguments, sparkConf and driver.javaOptions, in local mode. */
  private List<String> sparkDriver(Workload w, String ip, UnaryOperator<String> rewrite, List<String> notes) {
    Workload.Spark s = w.spark();
    Dockerfile image = image(w.image());
    Map<String, String> conf = new LinkedHashMap<>();
    s.sparkConf().forEach((k, v) -> conf.put(k, rewrite.apply(v)));
    List<String> argv = new ArrayList<>();
    argv.add(Env.java());
    s.javaOptions().forEach(o -> argv.add(rewrite.apply(o)));
    argv.addAll(sparkLocal(w.name(), "local[" + s.slots() + "]", ip, conf, s.driverMemory(), notes));
    argv.add("-cp");
    argv.add(inImage(s.mainApplicationFile(), image));
    argv.add(s.mainClass());
    String previous = "";
    for (String a : s.arguments()) {
      // the driver UI port of a pod (every pod has its own 4040) is this driver's port of the plan
      argv.add(previous.equals("--metrics-port") && a.equals(Integer.toString(SPARK_UI))
          ? Integer.toString(ports.local(w.name(), SPARK_UI)) : rewrite.apply(KubeEnv.expand(a, w.env())));
      previous = a;
    }
    return argv;
  }

  /** {@code spark-submit [options] <app jar> [app args]} (compose) as the same local driver. */
  private List<String> sparkSubmit(Workload w, List<String> args, Dockerfile image, String ip, List<String> notes) {
    String master = "local[*]";
    String mainClass = null;
    String memory = "1g"; // spark-submit's default spark.driver.memory
    Map<String, String> conf = new LinkedHashMap<>();
    List<String> jvm = new ArrayList<>(SPARK_SUBMIT_JAVA17);
    int i = 0;
    for (; i < args.size() && args.get(i).startsWith("--"); i += 2) {
      String v = args.get(i + 1);
      switch (args.get(i)) {
        case "--master" -> master = v;
        case "--class" -> mainClass = v;
        case "--driver-memory" -> memory = v;
        case "--conf" -> conf.put(v.substring(0, v.indexOf('=')), v.substring(v.indexOf('=') + 1));
        case "--driver-java-options" -> jvm.addAll(List.of(v.strip().split("\\s+")));
        case "--name" -> conf.put("spark.app.name", v);
        case "--deploy-mode" -> {
          if (!v.equals("client")) {
            throw new IllegalStateException(w.name() + ": spark-submit --deploy-mode " + v + " is not emulated");
          }
        }
        default -> throw new IllegalStateException(w.name() + ": spark-submit option " + args.get(i)
            + " is not emulated");
      }
    }
    if (mainClass == null || i >= args.size()) {
      throw new IllegalStateException(w.name() + ": spark-submit without --class or application jar: " + args);
    }
    List<String> argv = new ArrayList<>();
    argv.add(Env.java());
    argv.addAll(jvm);
    argv.addAll(sparkLocal(w.name(), master, ip, conf, memory, notes));
    argv.add("-cp");
    argv.add(inImage(args.get(i), image));
    argv.add(mainClass);
    argv.addAll(args.subList(i + 1, args.size()));
    return argv;
  }

  private List<String> sparkLocal(String name, String master, String ip, Map<String, String> conf, String memory,
                                  List<String> notes) {
    List<String> out = new ArrayList<>();
    // spark.driver.memory is the driver JVM's -Xmx (client-mode spark-submit and the operator both do this). A
    // smaller heap than the manifest's is not an option: Spark refuses less than 450 MiB (INVALID_DRIVER_MEMORY).
    out.add("-Xmx" + memory);
    out.add("-Dspark.master=" + master);
    if (!conf.containsKey("spark.app.name")) {
      out.add("-Dspark.app.name=" + name);
    }
    out.add("-Dspark.driver.host=" + ip);
    out.add("-Dspark.driver.bindAddress=" + ip);
    out.add("-Dspark.ui.port=" + ports.local(name, SPARK_UI));
    TreeSet<String> skipped = new TreeSet<>();
    conf.forEach((k, v) -> {
      if (k.equals("spark.ui.port")) {
        return; // the plan's port, set above: every pod has its own 4040, these processes share one host
      }
      if (NOT_LOCAL.stream().anyMatch(k::startsWith)) {
        skipped.add(k.replaceAll("^(spark\\.[a-zA-Z]+\\.)[^.]*.*$", "$1*"));
      } else {
        out.add("-D" + k + "=" + v);
      }
    });
    if (!skipped.isEmpty()) {
      notes.add("sparkConf not applicable in local mode: " + skipped);
    }
    return out;
  }

  /** A path inside the image (a jar the Dockerfile copied, possibly as local://) → the file in the repository. */
  private static String inImage(String arg, Dockerfile image) {
    String path = arg.startsWith("local://") ? arg.substring("local://".length()) : arg;
    Path copied = image.copied().get(path);
    return copied != null ? copied.toString() : arg;
  }

  /** Host names, ports moved by the PortPlan, mount paths: the three things one machine changes. */
  private String local(String value, Workload w, Map<Integer, Integer> moved) {
    String v = hosts.rewrite(value);
    for (Map.Entry<Integer, Integer> e : moved.entrySet()) {
      if (v.equals(Integer.toString(e.getKey()))) {
        v = Integer.toString(e.getValue());
      }
    }
    Map<String, String> mounts = new LinkedHashMap<>(w.mounts());
    mounts.putIfAbsent("/tmp", "pod-" + w.name() + "/tmp");
    List<String> paths = new ArrayList<>(mounts.keySet());
    paths.sort((x, y) -> y.length() - x.length());
    StringBuilder alternatives = new StringBuilder();
    for (String path : paths) {
      alternatives.append(alternatives.isEmpty() ? "" : "|").append(Pattern.quote(path));
    }
    // One pass, so that a directory put in by one mount is never rewritten by another (/data -> /tmp/x stays).
    // A path counts at the start, after = or : (flags, PATH-like lists), or as a word of a shell command line.
    Pattern p = Pattern.compile("(^|[=:\\s\"'])(" + alternatives + ")(?=/|$|[\\s\"'])");
    v = p.matcher(v).replaceAll(mr -> Matcher.quoteReplacement(mr.group(1)
        + dir(volumes.resolve(mounts.get(mr.group(2))))));
    return v;
  }

  private static Path dir(Path p) {
    try {
      return Files.createDirectories(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
