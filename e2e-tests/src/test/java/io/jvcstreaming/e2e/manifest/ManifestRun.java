package io.jvcstreaming.e2e.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jvcstreaming.testkit.Await;
import io.jvcstreaming.testkit.TestDirs;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * One manifest set (a rendered chart, or a compose file) run as processes, then the checks: every probe answers on
 * the workload's own address, posts reach every Spark job's report, and every job's results reach the dashboard the
 * jobs publish to. Ends with one AssertionError listing every problem found.
 */
final class ManifestRun implements AutoCloseable {

  static final String SPARK_IMAGE = "jvc-streaming/spark-analytics";
  /**
   * From the last start: five Spark drivers starting at once on a shared 2-core box (load 20-40) took 2-3 minutes
   * before their first batch; only a failing run waits this long.
   */
  static final Duration REPORTS = Duration.ofSeconds(420);
  static final Duration DASHBOARD = Duration.ofSeconds(60);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern SERVICE_LINK =
      Pattern.compile("[A-Z0-9_]+_(SERVICE_HOST|SERVICE_PORT(_[A-Z0-9_]+)?|PORT(_\\d+_TCP(_PROTO|_PORT|_ADDR)?)?)");

  private final String title;
  private final Path logDir;
  private final Map<String, String> ips = new LinkedHashMap<>();
  private final HostMap hosts = new HostMap();
  private final List<String> notes = new ArrayList<>();
  private LocalStack stack;

  ManifestRun(String title, Path logDir) {
    this.title = title;
    this.logDir = logDir;
    TestDirs.fresh(logDir);
  }

  /** The loopback address that stands for {@code workload}'s pod / container IP. */
  String ip(String workload) {
    return ips.computeIfAbsent(workload, w -> "127.0.100." + (ips.size() + 1));
  }

  HostMap hosts() {
    return hosts;
  }

  void note(String n) {
    notes.add(n);
  }

  static boolean isSpark(Workload w) {
    return w.spark() != null || LocalMapping.repository(w.image()).equals(SPARK_IMAGE);
  }

  /** Starts every workload in order, checks, and fails with every problem found. */
  void run(Path repo, List<Workload> workloads, boolean kube) {
    long t0 = System.nanoTime();
    List<PortPlan.Claim> claims = new ArrayList<>();
    for (Workload w : workloads) {
      w.ports().forEach((name, port) -> claims.add(new PortPlan.Claim(w.name(), port, "port " + name)));
      if (isSpark(w)) {
        claims.add(new PortPlan.Claim(w.name(), LocalMapping.SPARK_UI, "Spark UI"));
      }
    }
    PortPlan ports = new PortPlan(claims);
    for (Workload w : workloads) {
      ports.remapsOf(w.name()).forEach((from, to) -> hosts.remap(w.name(), from, to));
    }
    List<String> busy = ports.busy();
    if (!busy.isEmpty()) {
      throw new AssertionError(title + ": ports the manifests use are taken on this machine: " + busy);
    }
    LocalMapping mapping = new LocalMapping(repo, hosts, ports, logDir.resolve("volumes"));
    Map<Workload, LocalMapping.Local> locals = new LinkedHashMap<>();
    for (Workload w : workloads) {
      locals.put(w, mapping.map(w, ip(w.name()), kube));
    }
    System.out.println("[manifest] " + title + ": " + workloads.size() + " workloads: "
        + workloads.stream().map(w -> w.name() + "@" + ip(w.name())).toList());
    ports.remaps().forEach(r -> System.out.println("[manifest] port remap: " + r));
    notes.forEach(n -> System.out.println("[manifest] note: " + n));
    stack = new LocalStack(logDir, ports);
    Map<String, Map<String, Boolean>> deps = new LinkedHashMap<>();
    for (Workload w : workloads) {
      deps.put(w.name(), kube ? references(w, locals.get(w)) : composeDependencies(w));
    }
    // Each workload starts as soon as what it depends on is there (compose starts unrelated services at once).
    Map<String, CompletableFuture<LocalStack.Started>> starts = new LinkedHashMap<>();
    for (Workload w : startOrder(workloads, deps)) {
      List<CompletableFuture<Boolean>> gates = new ArrayList<>();
      deps.get(w.name()).forEach((dep, healthy) -> {
        CompletableFuture<LocalStack.Started> d = starts.get(dep);
        if (d != null) {
          gates.add(healthy ? d.thenCompose(st -> st == null ? CompletableFuture.completedFuture(false) : st.ready())
              : d.thenApply(x -> true));
        }
      });
      starts.put(w.name(), CompletableFuture.allOf(gates.toArray(CompletableFuture[]::new)).thenApplyAsync(x -> {
        List<String> unhealthy = new ArrayList<>();
        deps.get(w.name()).forEach((dep, healthy) -> {
          LocalStack.Started st = starts.containsKey(dep) ? starts.get(dep).join() : null;
          if (healthy && starts.containsKey(dep) && (st == null || !st.ready().join())) {
            unhealthy.add(dep);
          }
        });
        if (!kube && !unhealthy.isEmpty()) {
          // compose up: "dependency failed to start" (a cluster would start it anyway and let it retry)
          stack.finding(w.name() + " not started: depends_on " + unhealthy + " with condition service_healthy,"
              + " which did not become healthy");
          return null;
        }
        return stack.start(w, ip(w.name()), locals.get(w));
      }));
    }
    for (CompletableFuture<LocalStack.Started> f : starts.values()) {
      f.orTimeout(3 * LocalStack.READY.toSeconds(), TimeUnit.SECONDS).exceptionally(e -> {
        stack.finding("a start did not happen: " + e);
        return null;
      }).join();
    }
    long started = System.nanoTime();
    List<LocalStack.Started> jobs = stack.started().stream().filter(s -> isSpark(s.workload())).toList();
    awaitReports(jobs);
    awaitDashboards(jobs);
    for (LocalStack.Started s : stack.started()) {
      s.ready().copy().orTimeout(LocalStack.READY.toSeconds() + 60, TimeUnit.SECONDS).exceptionally(e -> false).join();
    }
    System.out.printf("[manifest] %s: probes: %s%n", title, String.join("; ", stack.checked()));
    for (LocalStack.Started s : jobs) {
      ReportLine last = s.reports().isEmpty() ? null : s.reports().get(s.reports().size() - 1);
      System.out.printf("[manifest] %s: %s: %d reports, last: %s%n", title, s.workload().name(), s.reports().size(),
          last);
    }
    System.out.printf("[manifest] %s: RSS kB %s; %d s from the first start, %d s after the last%n", title,
        stack.rssKb(), Duration.ofNanos(System.nanoTime() - t0).toSeconds(),
        Duration.ofNanos(System.nanoTime() - started).toSeconds());
    if (!stack.findings().isEmpty()) {
      throw new AssertionError(title + ": " + stack.findings().size() + " problem(s) running the manifests as"
          + " processes (logs in " + logDir + "):\n  - " + String.join("\n  - ", stack.findings()));
    }
  }

  /**
   * Chart: a workload waits for the probes of every workload whose address its command or environment names (k8s
   * itself has no order and relies on restarts, which this run does not do: a stricter order, not a looser one).
   */
  private Map<String, Boolean> references(Workload w, LocalMapping.Local local) {
    StringBuilder all = new StringBuilder(String.join(" ", local.argv()));
    // Service-link variables name every Service of the namespace: they say nothing about what the process uses.
    local.env().forEach((k, v) -> {
      if (!SERVICE_LINK.matcher(k).matches()) {
        all.append(' ').append(v);
      }
    });
    Map<String, Boolean> out = new LinkedHashMap<>();
    ips.forEach((name, address) -> {
      if (!name.equals(w.name()) && Pattern.compile(Pattern.quote(address) + "(?![0-9])").matcher(all).find()) {
        out.put(name, true);
      }
    });
    return out;
  }

  /** Compose: depends_on as compose honours it (service_healthy waits for the healthcheck, service_started not). */
  private static Map<String, Boolean> composeDependencies(Workload w) {
    Map<String, Boolean> out = new LinkedHashMap<>();
    w.dependsOn().forEach((dep, condition) -> {
      switch (condition) {
        case "service_healthy" -> out.put(dep, true);
        case "service_started" -> out.put(dep, false);
        default -> throw new IllegalStateException(w.name() + ": depends_on " + dep + " condition " + condition
            + " is not emulated");
      }
    });
    return out;
  }

  /** Dependencies first, the given order otherwise; a reference cycle is broken where it closes. */
  private static List<Workload> startOrder(List<Workload> workloads, Map<String, Map<String, Boolean>> deps) {
    Map<String, Workload> byName = new LinkedHashMap<>();
    workloads.forEach(w -> byName.put(w.name(), w));
    List<Workload> out = new ArrayList<>();
    List<String> visiting = new ArrayList<>();
    for (Workload w : workloads) {
      visit(w.name(), byName, deps, out, visiting);
    }
    return out;
  }

  private static void visit(String name, Map<String, Workload> byName, Map<String, Map<String, Boolean>> deps,
                            List<Workload> out, List<String> visiting) {
    Workload w = byName.get(name);
    if (w == null || out.contains(w) || visiting.contains(name)) {
      return;
    }
    visiting.add(name);
    for (String dep : deps.get(name).keySet()) {
      visit(dep, byName, deps, out, visiting);
    }
    visiting.remove(name);
    out.add(w);
  }

  private void awaitReports(List<LocalStack.Started> jobs) {
    if (jobs.isEmpty()) {
      stack.finding("no Spark job started (none in the manifests, or none could start: see above)");
      return;
    }
    try {
      Await.until(REPORTS, "every Spark job printing a report that counted posts",
          () -> jobs.stream().allMatch(s -> counted(s) || !s.process().isAlive()),
          () -> describe(jobs));
    } catch (AssertionError e) {
      System.err.println("[manifest] " + e.getMessage()); // each job that did not count is a finding below
    }
    for (LocalStack.Started s : jobs) {
      if (!counted(s)) {
        stack.finding(s.workload().name() + ": no report with posts counted (" + s.reports().size() + " reports"
            + (s.process().isAlive() ? "" : ", exited with " + s.process().awaitExit(1000)) + ")"
            + LocalStack.tail(s.process().log()));
      }
    }
  }

  private static boolean counted(LocalStack.Started s) {
    return s.reports().stream().anyMatch(r -> r.totalPosts() > 0);
  }

  private static String describe(List<LocalStack.Started> jobs) {
    StringBuilder sb = new StringBuilder();
    for (LocalStack.Started s : jobs) {
      ReportLine last = s.reports().isEmpty() ? null : s.reports().get(s.reports().size() - 1);
      sb.append(s.workload().name()).append(": ").append(last == null ? "no report" : last).append("; ");
    }
    return sb.toString();
  }

  /** Every {@code --publish-url} target's /api/state must hold the results of each job that publishes to it. */
  private void awaitDashboards(List<LocalStack.Started> jobs) {
    Map<String, List<String>> byDashboard = new LinkedHashMap<>();
    for (LocalStack.Started s : jobs) {
      List<String> argv = s.local().argv();
      int i = argv.indexOf("--publish-url");
      if (i < 0) {
        continue;
      }
      URI u = URI.create(argv.get(i + 1));
      String base = u.getScheme() + "://" + u.getAuthority();
      // the name the job reports under: from its reports, or its --job argument when it printed none
      int job = argv.indexOf("--job");
      String name = !s.reports().isEmpty() ? s.reports().get(0).job() : job >= 0 ? argv.get(job + 1) : s.workload().name();
      byDashboard.computeIfAbsent(base, b -> new ArrayList<>()).add(name);
    }
    if (byDashboard.isEmpty()) {
      System.out.println("[manifest] " + title + ": no job publishes to a dashboard (none in these manifests)");
      return;
    }
    byDashboard.forEach((base, jobNames) -> {
      LocalStack.Started dashboard = stack.started().stream()
          .filter(s -> base.contains("//" + s.ip() + ":")).findFirst().orElse(null);
      if (dashboard != null && Boolean.FALSE.equals(dashboard.ready().getNow(null))
          && missing(base, jobNames).toString().contains("does not answer")) {
        // its probes failed already (reported above): waiting for it to answer would only add a minute
        stack.finding("the dashboard at " + base + " (" + dashboard.workload().name() + ") does not answer: none of"
            + " the results of " + jobNames + " can reach it");
        return;
      }
      try {
        Await.until(DASHBOARD, "the dashboard at " + base + " showing posts counted by " + jobNames,
            () -> missing(base, jobNames).isEmpty(), () -> "missing: " + missing(base, jobNames));
        System.out.println("[manifest] " + title + ": dashboard " + base + "/api/state shows " + jobNames);
      } catch (AssertionError e) {
        stack.finding(e.getMessage());
      }
    });
  }

  private static List<String> missing(String base, List<String> jobNames) {
    String body = LocalStack.get(base + "/api/state");
    if (body == null) {
      return List.of("(" + base + "/api/state does not answer)");
    }
    try {
      JsonNode results = JSON.readTree(body).path("results");
      return jobNames.stream().filter(j -> results.path(j).path("totalPosts").asLong(0) <= 0).toList();
    } catch (IOException e) {
      return List.of("(unreadable /api/state: " + e + ")");
    }
  }

  @Override
  public void close() {
    if (stack != null) {
      stack.close();
    }
  }
}
