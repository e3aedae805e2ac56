package io.jvcstreaming.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.jvcstreaming.dashboard.support.Http;
import io.jvcstreaming.testkit.Await;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar started the way the image starts it: {@code JVC_DASHBOARD_HOST=0.0.0.0} (the Dockerfile's ENV)
 * with and without {@code JVC_RESULTS_TOKEN}.
 */
@Timeout(180)
class DashboardMainIT {

  private static final Path JAR = Path.of("target", "dashboard.jar");
  private static final String TOKEN = "main-it-token-4f9c2a7e";
  private static final Pattern LISTENING = Pattern.compile("jvc-dashboard: listening on http://[^:]+:(\\d+)/");

  @TempDir
  Path dir;
  private Process process;

  @AfterEach
  void stop() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroy();
      process.waitFor(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void allInterfacesWithoutATokenRefusesToStart() throws Exception {
    Path out = start(Map.of("JVC_DASHBOARD_HOST", "0.0.0.0"));
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("exits").isTrue();
    assertThat(process.exitValue()).isEqualTo(2);
    assertThat(Files.readString(out)).contains("JVC_RESULTS_TOKEN").contains("'0.0.0.0'");
  }

  @Test
  void allInterfacesWithATokenServesAndGuardsPost() throws Exception {
    Path out = start(Map.of("JVC_DASHBOARD_HOST", "0.0.0.0", "JVC_RESULTS_TOKEN", TOKEN));
    // the line, or the process gone (then no line will come): either ends the wait
    Await.within(Duration.ofSeconds(90), () -> LISTENING.matcher(read(out)).find() || !process.isAlive());
    Matcher m = LISTENING.matcher(read(out));
    if (!m.find()) {
      throw new AssertionError("no 'listening' line (exit: " + (process.isAlive() ? "running" : process.exitValue())
          + "), output:\n" + read(out));
    }
    int port = Integer.parseInt(m.group(1));
    String log = read(out);
    assertThat(log).contains("dashboard on http://0.0.0.0:" + port + "/").contains("bearer token required")
        .doesNotContain(TOKEN);

    String base = "http://127.0.0.1:" + port;
    assertThat(Http.get(base + "/health").statusCode()).isEqualTo(200);
    String result = "{\"job\":\"words\",\"batchTime\":1795637074000,\"posts\":1,\"top\":[]}";
    assertThat(Http.postJson(base + "/api/results", result).statusCode()).isEqualTo(401);
    assertThat(Http.postJson(base + "/api/results", result, "Bearer " + TOKEN).statusCode()).isEqualTo(202);
    assertThat(read(out)).doesNotContain(TOKEN);
  }

  private Path start(Map<String, String> env) throws IOException {
    assertThat(JAR).as("the packaged jar (failsafe runs after package)").exists();
    Path out = dir.resolve("dashboard.log");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(List.of(java, "-jar", JAR.toString(), "--port", "0",
        "--source", "127.0.0.1:1", "--scraper-metrics-url", "http://127.0.0.1:1/metrics"))
        .redirectErrorStream(true).redirectOutput(out.toFile());
    pb.environment().keySet().removeIf(k -> k.startsWith("JVC_") || k.startsWith("REDIS_")
        || k.equals("STREAM_TOKEN") || k.equals("SCRAPER_ADDR"));
    pb.environment().putAll(env);
    process = pb.start();
    return out;
  }

  private static String read(Path out) {
    try {
      return Files.readString(out, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
