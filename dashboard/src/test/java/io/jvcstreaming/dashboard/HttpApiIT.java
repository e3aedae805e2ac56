package io.jvcstreaming.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.jvcstreaming.dashboard.support.Http;
import io.jvcstreaming.dashboard.support.TestDashboards;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class HttpApiIT {

  private static final String RESULT = "{\"job\":\"authors\",\"batchTime\":\"2026-11-25T21:04:33Z\",\"posts\":12,"
      + "\"top\":[{\"key\":\"PetitNuage_42\",\"count\":42},{\"key\":\"<img src=x onerror=alert(1)>\",\"count\":7}]}";

  private Vertx vertx;
  private String base;

  @BeforeEach
  void start(Vertx vertx) {
    this.vertx = vertx;
    DashboardVerticle verticle = new DashboardVerticle(
        TestDashboards.config(null, TestDashboards.freePort(), TestDashboards.freePort()));
    vertx.deployVerticle(verticle).await();
    base = "http://127.0.0.1:" + verticle.actualPort();
  }

  @AfterEach
  void stop() {
    vertx.close().await();
  }

  @Test
  void acceptsAResultAndServesItInTheState() {
    HttpResponse<String> posted = Http.postJson(base + "/api/results", RESULT);
    assertThat(posted.statusCode()).isEqualTo(202);
    JsonObject state = new JsonObject(Http.get(base + "/api/state").body());
    JsonObject authors = state.getJsonObject("results").getJsonObject("authors");
    assertThat(authors.getJsonArray("top").getJsonObject(0).getString("key")).isEqualTo("PetitNuage_42");
    assertThat(state.getJsonObject("health").getJsonObject("results").getLong("accepted")).isEqualTo(1L);
    assertThat(state.getJsonObject("health").getJsonObject("results").getString("lastBatchTime"))
        .isEqualTo("2026-11-25T21:04:33Z");
    assertThat(state.getString("forumOrigin")).isEqualTo("https://www.jeuxvideo.com");
  }

  @Test
  void rejectsBadBodiesWithAClearMessageAndCountsThem() {
    HttpResponse<String> bad = Http.postJson(base + "/api/results", "{oops");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(new JsonObject(bad.body()).getString("error")).startsWith("not a JSON object");

    HttpResponse<String> missing = Http.postJson(base + "/api/results", "{\"job\":\"authors\",\"posts\":1,\"top\":[]}");
    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(new JsonObject(missing.body()).getString("error")).contains("'batchTime'");

    HttpResponse<String> huge = Http.postJson(base + "/api/results",
        "{\"job\":\"authors\",\"pad\":\"" + "x".repeat((int) HttpApi.MAX_RESULT_BYTES) + "\"}");
    assertThat(huge.statusCode()).isEqualTo(413);

    HttpResponse<String> form = Http.post(base + "/api/results", "text/plain", RESULT);
    assertThat(form.statusCode()).isEqualTo(415);

    JsonObject health = new JsonObject(Http.get(base + "/api/state").body()).getJsonObject("health");
    assertThat(health.getJsonObject("results").getLong("rejected")).isEqualTo(4L);
    assertThat(health.getJsonObject("results").getLong("accepted")).isZero();
  }

  @Test
  void servesThePageWithAStrictPolicy() {
    HttpResponse<String> page = Http.get(base + "/");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("<script src=\"/app.js\" defer></script>");
    String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
    assertThat(csp).contains("default-src 'self'").contains("script-src 'self'").contains("object-src 'none'")
        .contains("img-src 'self' https://image.noelshack.com https://image.jeuxvideo.com")
        .doesNotContain("unsafe");
    assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    assertThat(Http.get(base + "/app.js").headers().firstValue("Content-Type").orElseThrow()).contains("javascript");
    assertThat(Http.get(base + "/health").body()).contains("UP");
  }

  @Test
  void pushesResultsOverServerSentEvents() throws Exception {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    HttpResponse<java.io.InputStream> sse = client.send(
        HttpRequest.newBuilder(URI.create(base + "/api/events")).GET().build(),
        HttpResponse.BodyHandlers.ofInputStream());
    assertThat(sse.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/event-stream");
    // The hub sends "state" once the stream is registered: post only then, so the result is pushed, not missed.
    CompletableFuture<Void> subscribed = new CompletableFuture<>();
    CompletableFuture<String> resultsEvent = CompletableFuture.supplyAsync(() -> {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(sse.body(), StandardCharsets.UTF_8))) {
        String line;
        boolean next = false;
        while ((line = in.readLine()) != null) {
          if (line.equals("event: state")) {
            subscribed.complete(null);
          } else if (line.equals("event: results")) {
            next = true;
          } else if (next && line.startsWith("data: ")) {
            return line.substring(6);
          }
        }
        return null;
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    subscribed.get(30, TimeUnit.SECONDS);
    assertThat(Http.postJson(base + "/api/results", RESULT).statusCode()).isEqualTo(202);
    JsonObject pushed = new JsonObject(resultsEvent.get(30, TimeUnit.SECONDS));
    assertThat(pushed.getString("job")).isEqualTo("authors");
    assertThat(pushed.getJsonArray("top").getJsonObject(1).getString("key")).isEqualTo("<img src=x onerror=alert(1)>");
  }
}
