package io.jvcstreaming.e2e.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** Where the jars and logs are, how long a live phase lasts, free loopback ports. */
public final class Env {

  public static final String PACKAGE_COMMAND =
      "cd /work/main && ./mvnw -B -o -q -DskipTests package -pl forum-simulator,scraper-leader,scraper-vertx,spark-analytics";

  private Env() {
  }

  /** The repository root (set by the POM; the module's parent directory otherwise). */
  public static Path repo() {
    return Path.of(System.getProperty("e2e.repo", "..")).toAbsolutePath().normalize();
  }

  public static Path logRoot() {
    return Path.of(System.getProperty("e2e.logs", "target/e2e-logs")).toAbsolutePath().normalize();
  }

  /** The live phase of one scenario: {@code -De2e.seconds=N} (20 by default, 300 in run-long.sh). */
  public static Duration livePhase() {
    return Duration.ofSeconds(Long.getLong("e2e.seconds", 20));
  }

  public static Path scraperJar() {
    return requireJar("scraper-vertx", "scraper-vertx.jar");
  }

  public static Path sparkJar() {
    Path jar = requireJar("spark-analytics", "spark-analytics.jar");
    Path lib = jar.resolveSibling("lib");
    if (!Files.isDirectory(lib) || !Files.isRegularFile(lib.resolve("spark-core_2.12-3.5.8.jar"))) {
      throw new AssertionError("Spark's jars are missing from " + lib + " (java -jar needs them next to the job jar)."
          + " Build them first: " + PACKAGE_COMMAND);
    }
    return jar;
  }

  static Path requireJar(String module, String file) {
    Path jar = repo().resolve(module).resolve("target").resolve(file);
    if (!Files.isRegularFile(jar)) {
      throw new AssertionError("missing " + jar + ": the fault suite drives the packaged jars. Build them first: "
          + PACKAGE_COMMAND);
    }
    return jar;
  }

  /** The java launcher of this JVM, for the child JVMs. */
  public static String java() {
    return ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
  }

  public static int freePort() {
    return io.jvcstreaming.testkit.FreePort.next();
  }
}
