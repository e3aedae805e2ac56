package io.jvcstreaming.e2e.support;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A child JVM with its logs under {@code target/e2e-logs/<test>/}: stderr (and stdout unless a line consumer takes
 * it) to {@code <name>.log}; with a consumer, stdout goes to {@code <name>.out} and each line to the consumer.
 */
public final class ChildProcess implements AutoCloseable {

  private final String name;
  private final Process process;
  private final Path log;
  private final Thread stdoutPump;

  private ChildProcess(String name, Process process, Path log, Thread stdoutPump) {
    this.name = name;
    this.process = process;
    this.log = log;
    this.stdoutPump = stdoutPump;
  }

  public static ChildProcess start(String name, Path logDir, List<String> command, Consumer<String> stdoutLines) {
    return start(name, logDir, command, stdoutLines, Map.of());
  }

  /**
   * Starts {@code command} in {@code logDir} with the test JVM's environment minus every setting the products read
   * ({@code REDIS_URL}, {@code STREAM_TOKEN}, {@code JVC_*}: a developer's shell must not change a scenario), plus
   * {@code env}.
   */
  public static ChildProcess start(String name, Path logDir, List<String> command, Consumer<String> stdoutLines,
                                   Map<String, String> env) {
    try {
      Files.createDirectories(logDir);
      Path log = logDir.resolve(name + ".log");
      Files.writeString(log, "$ " + String.join(" ", command) + System.lineSeparator(), StandardCharsets.UTF_8);
      ProcessBuilder pb = new ProcessBuilder(command).directory(logDir.toFile());
      pb.environment().keySet().removeIf(k -> k.equals("REDIS_URL") || k.equals("STREAM_TOKEN") || k.startsWith("JVC_"));
      pb.environment().putAll(env);
      pb.redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
      if (stdoutLines == null) {
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      }
      Process p = pb.start();
      Thread pump = null;
      if (stdoutLines != null) {
        Path out = logDir.resolve(name + ".out");
        pump = new Thread(() -> pump(p, out, stdoutLines), name + "-stdout");
        pump.setDaemon(true);
        pump.start();
      }
      return new ChildProcess(name, p, log, pump);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name + ": " + command, e);
    }
  }

  private static void pump(Process p, Path out, Consumer<String> lines) {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
         BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      String line;
      while ((line = in.readLine()) != null) {
        lines.accept(line);
        w.write(line);
        w.newLine();
        w.flush();
      }
    } catch (IOException e) {
      // the process ended
    }
  }

  public String name() {
    return name;
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  public Path log() {
    return log;
  }

  /** SIGTERM. */
  public void terminate() {
    process.destroy();
  }

  /** SIGTERM, then waits (bounded) for the exit: the exit code. Fails when the process outlives the deadline. */
  public int terminateAndAwait(long millis) {
    terminate();
    Integer code = awaitExit(millis);
    if (code == null) {
      throw new AssertionError(name + " still running " + millis + " ms after SIGTERM; see " + log);
    }
    return code;
  }

  /** Waits for the exit; returns the exit code, or null if still running at the deadline. */
  public Integer awaitExit(long millis) {
    try {
      if (process.waitFor(millis, TimeUnit.MILLISECONDS)) {
        if (stdoutPump != null) {
          stdoutPump.join(5_000); // every printed line consumed
        }
        return process.exitValue();
      }
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  /** SIGKILL to the process and every descendant; waits (bounded) until they are gone. */
  public void kill() {
    List<ProcessHandle> all = new ArrayList<>();
    process.descendants().forEach(all::add);
    all.add(process.toHandle());
    for (ProcessHandle h : all) {
      h.destroyForcibly();
    }
    for (ProcessHandle h : all) {
      try {
        h.onExit().get(15, TimeUnit.SECONDS);
      } catch (Exception e) {
        System.err.println("[e2e] " + name + ": pid " + h.pid() + " did not exit after SIGKILL: " + e);
      }
    }
    if (stdoutPump != null) {
      try {
        stdoutPump.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public void close() {
    if (process.isAlive() || process.descendants().findAny().isPresent()) {
      kill();
    }
  }
}
