package io.jvcstreaming.e2e.manifest;

import io.jvcstreaming.e2e.support.ChildProcess;
import io.jvcstreaming.testkit.Await;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Starts mapped workloads as processes, each on a loopback address of its own (127.0.100.N: Linux answers the whole
 * 127/8 on {@code lo}), and checks their probes there. A pod's own address, not 127.0.0.1, is what makes this catch
 * wiring defects: the kubelet probes the pod IP and other pods connect to it, so a server bound to 127.0.0.1 answers
 * on 127.0.0.1 only and fails here as it would in the cluster (where 127.0.0.1 would hide it).
 *
 * <p>Workloads start one after the other in the order the caller gives; each one's probes are checked in the
 * background (until they pass, the process exits, it is seen listening on loopback only, or a deadline), and the
 * caller waits for those of the workloads the next one depends on. Problems are collected, not thrown one by one, so
 * a run reports all of them.
 */
final class LocalStack implements AutoCloseable {

  static final Duration READY = Duration.ofSeconds(90);
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  /** A started workload. */
  record Started(Workload workload, String ip, LocalMapping.Local local, ChildProcess process,
                 List<ReportLine> reports, CompletableFuture<Boolean> ready) {
  }

  private final Path logDir;
  private final PortPlan ports;
  private final List<Started> started = new CopyOnWriteArrayList<>();
  private final List<String> findings = new CopyOnWriteArrayList<>();
  private final List<String> checked = new CopyOnWriteArrayList<>();

  LocalStack(Path logDir, PortPlan ports) {
    this.logDir = logDir;
    this.ports = ports;
  }

  List<String> findings() {
    return List.copyOf(findings);
  }

  List<String> checked() {
    return List.copyOf(checked);
  }

  List<Started> started() {
    return List.copyOf(started);
  }

  void finding(String f) {
    findings.add(f);
    System.err.println("[manifest] FINDING: " + f);
  }

  /**
   * Starts {@code w} with exactly {@code local}'s argv and environment; its probes are checked in the background:
   * {@link Started#ready()} completes (true when every probe passed) once they are resolved, within the deadlines.
   */
  Started start(Workload w, String ip, LocalMapping.Local local) {
    List<String> command = withExactEnv(logDir.resolve(w.name() + ".env"), local.env(), local.argv());
    List<ReportLine> reports = new CopyOnWriteArrayList<>();
    // Every stdout is read for report lines (stdout then goes to <name>.out, stderr to <name>.log).
    ChildProcess p = ChildProcess.start(w.name(), logDir, command,
        line -> ReportLine.parse(line).ifPresent(reports::add));
    CompletableFuture<Boolean> ready = new CompletableFuture<>();
    Started s = new Started(w, ip, local, p, reports, ready);
    started.add(s);
    StringBuilder line = new StringBuilder(String.format("[manifest] started %s (pid %d) on %s: %s", w.name(), p.pid(),
        ip, String.join(" ", local.argv())));
    local.notes().forEach(n -> line.append(System.lineSeparator()).append("[manifest]   ").append(w.name())
        .append(": ").append(n));
    System.out.println(line); // one call: workloads start concurrently

    Thread checker = new Thread(() -> {
      boolean ok = true;
      // readiness (and compose healthchecks, published ports) first, then liveness; a dead process is reported once
      List<Probe> order = new ArrayList<>(w.probes().stream().filter(pr -> !pr.role().equals("liveness")).toList());
      order.addAll(w.probes().stream().filter(pr -> pr.role().equals("liveness")).toList());
      for (Probe probe : order) {
        if (!p.isAlive() && !ok) {
          break;
        }
        ok &= awaitProbe(s, probe, probe.role().equals("liveness") ? Duration.ofSeconds(20) : READY);
      }
      ready.complete(ok);
    }, "probes-" + w.name());
    checker.setDaemon(true);
    checker.start();
    return s;
  }

  /** True when the probe passed (or cannot be run here: listed as not checked). */
  private boolean awaitProbe(Started s, Probe probe, Duration timeout) {
    String what = s.workload().name() + " " + probe.describe() + " on " + s.ip();
    if (probe.kind() == Probe.Kind.EXEC && !canRun(probe.command())) {
      checked.add(what + ": NOT CHECKED (no local stand-in for " + probe.command().get(0) + ")");
      return true;
    }
    int port = probe.kind() == Probe.Kind.EXEC ? 0 : ports.local(s.workload().name(), probe.port());
    long deadline = System.nanoTime() + timeout.toNanos();
    int loopbackOnly = 0;
    String last = "";
    while (System.nanoTime() < deadline) {
      if (!s.process().isAlive()) {
        finding(what + ": the process exited (code " + s.process().awaitExit(2000) + ") before the probe passed;"
            + " see " + s.process().log() + tail(s.process().log()));
        return false;
      }
      last = run(s, probe, port);
      if (last.isEmpty()) {
        checked.add(what + ": ok");
        return true;
      }
      // Refused on the pod address while loopback takes the connection: bound to 127.0.0.1 (an HTTP 503 is not this).
      boolean refusedHere = probe.kind() != Probe.Kind.EXEC && !connects(s.ip(), port);
      if (refusedHere && connects("127.0.0.1", port) && ++loopbackOnly >= 5) {
        finding(what + ": FAILS — the process listens on 127.0.0.1:" + port + " only, not on its pod address "
            + s.ip() + ":" + port + "; the kubelet's probe and every other pod connect to the pod address"
            + " (a bind-address default of 127.0.0.1 that the manifest does not override). Last error: " + last);
        return false;
      }
      Await.sleep(300);
    }
    finding(what + ": did not pass within " + timeout.toSeconds() + " s; last error: " + last
        + tail(s.process().log()));
    return false;
  }

  /** "" when the probe passes, else why not. */
  private String run(Started s, Probe probe, int port) {
    try {
      switch (probe.kind()) {
        case HTTP -> {
          HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://" + s.ip() + ":" + port
              + probe.path())).timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
          return r.statusCode() >= 200 && r.statusCode() < 400 ? "" : "HTTP " + r.statusCode();
        }
        case TCP -> {
          return connects(s.ip(), port) ? "" : "connection refused at " + s.ip() + ":" + port;
        }
        default -> {
          return exec(s, probe.command());
        }
      }
    } catch (Exception e) {
      return e.toString();
    }
  }

  /**
   * {@code argv} with exactly {@code env} and nothing inherited: {@code env -i} then a shell that exports the
   * variables from a file (mode 600) and execs {@code argv}. The values stay out of the process logs, which print
   * the command line (the rendered Secrets end up in this environment).
   */
  static List<String> withExactEnv(Path file, Map<String, String> env, List<String> argv) {
    StringBuilder sb = new StringBuilder();
    env.forEach((k, v) -> sb.append("export ").append(k).append("='").append(v.replace("'", "'\\''")).append("'\n"));
    try {
      Files.deleteIfExists(file);
      Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(file, sb);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    List<String> out = new ArrayList<>(List.of("/usr/bin/env", "-i", "/bin/sh", "-c", ". \"$0\" && exec \"$@\"",
        file.toString()));
    out.addAll(argv);
    return out;
  }

  private static boolean canRun(List<String> command) {
    String exe = command.get(0);
    return exe.equals("redis-cli") || Files.isExecutable(Path.of(exe))
        || List.of(System.getenv().getOrDefault("PATH", "").split(":")).stream()
            .anyMatch(d -> Files.isExecutable(Path.of(d, exe)));
  }

  /**
   * An exec probe: {@code redis-cli [-a pw] ping} is a RESP PING to the workload's Redis port (redis-cli is not
   * installed here); anything else runs as is, in the workload's environment, within 5 s.
   */
  private String exec(Started s, List<String> command) throws IOException, InterruptedException {
    if (command.get(0).equals("redis-cli")) {
      int idx = command.indexOf("-a");
      String password = idx >= 0 ? command.get(idx + 1) : s.local().env().get("REDISCLI_AUTH");
      int port = s.workload().ports().values().stream().findFirst().orElse(6379);
      return redisPing(s.ip(), ports.local(s.workload().name(), port), password);
    }
    List<String> cmd = withExactEnv(logDir.resolve(s.workload().name() + ".probe.env"), s.local().env(), command);
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    if (!p.waitFor(5, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      return "timed out after 5 s";
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    return p.exitValue() == 0 ? "" : "exit " + p.exitValue() + (out.isEmpty() ? "" : ": " + out);
  }

  static String redisPing(String host, int port, String password) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), 2000);
      socket.setSoTimeout(2000);
      OutputStream out = socket.getOutputStream();
      InputStream in = socket.getInputStream();
      if (password != null) {
        out.write(("AUTH " + password + "\r\n").getBytes(StandardCharsets.UTF_8));
        String auth = readLine(in);
        if (!auth.startsWith("+OK")) {
          return "AUTH answered " + auth;
        }
      }
      out.write("PING\r\n".getBytes(StandardCharsets.UTF_8));
      String answer = readLine(in);
      return answer.equals("+PONG") ? "" : "PING answered " + answer;
    }
  }

  private static String readLine(InputStream in) throws IOException {
    StringBuilder sb = new StringBuilder();
    int c;
    while ((c = in.read()) >= 0 && c != '\n') {
      if (c != '\r') {
        sb.append((char) c);
      }
    }
    return sb.toString();
  }

  static boolean connects(String host, int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), 1000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** GET on a started workload's address; null when it does not answer. */
  static String get(String url) {
    try {
      return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).build(),
          HttpResponse.BodyHandlers.ofString()).body();
    } catch (Exception e) {
      return null;
    }
  }

  static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      List<String> last = lines.subList(Math.max(0, lines.size() - 12), lines.size());
      StringBuilder sb = new StringBuilder();
      for (String l : last) {
        sb.append("\n      | ").append(l.length() > 240 ? l.substring(0, 240) + "…" : l);
      }
      return sb.toString();
    } catch (IOException e) {
      return "";
    }
  }

  /** Resident set size of each started process (kB from /proc), for the report. */
  Map<String, Long> rssKb() {
    Map<String, Long> out = new LinkedHashMap<>();
    for (Started s : started) {
      try {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(s.process().pid()), "status"))) {
          if (line.startsWith("VmRSS:")) {
            out.put(s.workload().name(), Long.parseLong(line.replaceAll("\\D", "")));
          }
        }
      } catch (IOException e) {
        out.put(s.workload().name(), -1L);
      }
    }
    return out;
  }

  @Override
  public void close() {
    // Spark drivers first (they hold connections to the rest), then the others in reverse start order.
    for (int i = started.size() - 1; i >= 0; i--) {
      started.get(i).process().terminate();
    }
    for (int i = started.size() - 1; i >= 0; i--) {
      ChildProcess p = started.get(i).process();
      if (p.awaitExit(10_000) == null) {
        p.kill();
      }
      p.close();
    }
  }
}
