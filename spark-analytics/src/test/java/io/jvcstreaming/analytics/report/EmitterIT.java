package io.jvcstreaming.analytics.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.jvcstreaming.analytics.config.JobConfig;
import io.jvcstreaming.model.Post;
import io.jvcstreaming.testkit.Await;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

class EmitterIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final BatchReport REPORT = new BatchReport("stickers", 1764100000000L, 3, 10, 0,
      List.of(new ReportRow("https://image.jeuxvideo.com/stickers/p/1kki", "1kki", 2),
          new ReportRow("https://image.noelshack.com/fichiers/a/b.png", "b", 1)), List.of());

  @Test
  void jsonModePrintsOneObjectPerReport() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Emitter emitter = new Emitter(JobConfig.Emit.JSON, null);
    emitter.printTo(new PrintStream(out, true, StandardCharsets.UTF_8));
    emitter.emit(REPORT, null);
    String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
    assertThat(lines).hasSize(1);
    JsonNode node = JSON.readTree(lines[0]);
    assertThat(node.get("job").asText()).isEqualTo("stickers");
    assertThat(node.get("batchTime").asLong()).isEqualTo(1764100000000L);
    assertThat(node.get("posts").asLong()).isEqualTo(3);
    assertThat(node.get("top").get(0).get("key").asText()).isEqualTo("https://image.jeuxvideo.com/stickers/p/1kki");
    assertThat(node.get("top").get(0).get("count").asLong()).isEqualTo(2);
    assertThat(node.has("matches")).isFalse();
  }

  @Test
  void pseudoJsonCarriesTheMatchedPostsAsOnTheWire() throws Exception {
    Post p = new Post(7, 1320000007, 77300123, "Le café", "Risitas", Instant.parse("2026-11-25T20:04:33Z"),
        "Ayaaa « ça » \"quote\"", List.of(), "https://www.jeuxvideo.com/x.htm");
    JsonNode node = JSON.readTree(JsonFormatter.format(new BatchReport("pseudo", 1, 1, 1, 0,
        List.of(new ReportRow("risitas", null, 1)), List.of(MatchedPost.of(p)))));
    assertThat(node.get("matches").get(0).get("text").asText()).isEqualTo("Ayaaa « ça » \"quote\"");
    assertThat(node.get("matches").get(0).get("seq").asLong()).isEqualTo(7);
  }

  @Test
  void publishesEachReportAsJsonAndFailuresNeverThrow() throws Exception {
    BlockingQueue<String[]> posted = new LinkedBlockingQueue<>();
    HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    http.createContext("/", ex -> {
      posted.add(new String[] {ex.getRequestMethod(), ex.getRequestHeaders().getFirst("Content-Type"),
          new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
          String.valueOf(ex.getRequestHeaders().getFirst("Authorization"))});
      ex.sendResponseHeaders(204, -1);
      ex.close();
    });
    http.start();
    try {
      Emitter emitter = new Emitter(JobConfig.Emit.TABLE,
          URI.create("http://127.0.0.1:" + http.getAddress().getPort() + "/reports"), "results-token-0123456789");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      emitter.printTo(new PrintStream(out, true, StandardCharsets.UTF_8));
      emitter.emit(REPORT, null);
      String[] request = posted.poll(5, TimeUnit.SECONDS);
      assertThat(request).isNotNull();
      assertThat(request[0]).isEqualTo("POST");
      assertThat(request[1]).isEqualTo("application/json");
      assertThat(JSON.readTree(request[2]).get("job").asText()).isEqualTo("stickers");
      assertThat(request[3]).isEqualTo("Bearer results-token-0123456789");
      assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("== stickers |"); // table still printed
    } finally {
      http.stop(0);
    }

    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    long failuresBefore = Emitter.publishFailures();
    Emitter broken = new Emitter(JobConfig.Emit.TABLE, URI.create("http://127.0.0.1:" + closedPort + "/reports"));
    broken.printTo(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    broken.emit(REPORT, null); // must not throw
    Await.within(Duration.ofSeconds(10), () -> Emitter.publishFailures() > failuresBefore);
    assertThat(Emitter.publishFailures()).isGreaterThan(failuresBefore);
  }
}
