package io.jvcstreaming.e2e.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/** On a failed test: prints the last lines of every process log of that test (target/e2e-logs/<class>/<method>/). */
public final class LogTails implements TestWatcher {

  private static final int LINES = 40;

  public static Path dirFor(ExtensionContext context) {
    return Env.logRoot().resolve(context.getRequiredTestClass().getSimpleName())
        .resolve(context.getRequiredTestMethod().getName());
  }

  @Override
  public void testFailed(ExtensionContext context, Throwable cause) {
    Path dir = dirFor(context);
    System.err.println("[e2e] " + context.getDisplayName() + " FAILED; process logs in " + dir);
    String why = String.valueOf(cause);
    System.err.println("[e2e] because: " + (why.length() > 2000 ? why.substring(0, 2000) + "…" : why));
    try (Stream<Path> files = Files.list(dir)) {
      files.filter(p -> p.toString().endsWith(".log") || p.toString().endsWith(".out")).sorted().forEach(p -> {
        try {
          List<String> lines = Files.readAllLines(p, StandardCharsets.UTF_8);
          int n = p.toString().endsWith(".out") ? 7 : LINES; // .out: one JSON line per job and batch
          System.err.println("[e2e] ---- last " + Math.min(n, lines.size()) + " lines of " + p.getFileName()
              + " ----");
          lines.subList(Math.max(0, lines.size() - n), lines.size())
              .forEach(l -> System.err.println("  " + (l.length() > 300 ? l.substring(0, 300) + "…" : l)));
        } catch (IOException e) {
          System.err.println("[e2e] cannot read " + p + ": " + e);
        }
      });
    } catch (IOException e) {
      System.err.println("[e2e] no logs under " + dir + ": " + e);
    }
  }
}
