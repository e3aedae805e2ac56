package io.jvcstreaming.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.jvcstreaming.dashboard.support.Http;
import io.jvcstreaming.dashboard.support.LogCapture;
import io.jvcstreaming.dashboard.support.TestDashboards;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A dashboard with a results token over real HTTP: only a POST carrying the token changes anything. */
class ResultsTokenIT {

  private static final String TOKEN = "dash-results-Zk3pQ9vR7tW2";
  private static final String WRONG = "dash-results-Zk3pQ9vR7tW3";
  private static final String FORGED = "{\"job\":\"forged\",\"batchTime\":1795637073000,\"posts\":1,"
      + "\"top\":[{\"key\":\"spam\",\"count\":999}]}";
  private static final String REAL = "{\"job\":\"words\",\"batchTime\":1795637074000,\"posts\":3,"
      + "\"top\":[{\"key\":\"café\",\"count\":9}]}";

  private LogCapture logs;
  private Vertx vertx;
  private String base;

  @BeforeEach
  void start() {
    logs = new LogCapture();
    vertx = Vertx.vertx();
    DashboardVerticle verticle = new DashboardVerticle(
        TestDashboards.config(null, null, TOKEN, TestDashboards.freePort(), TestDashboards.freePort()));
    vertx.deployVerticle(verticle).await();
    base = "http://127.0.0.1:" + verticle.actualPort();
  }

  @AfterEach
  void stop() {
    try {
      vertx.close().await();
    } finally {
      logs.close();
    }
  }

  @Test
  void postsWithoutTheRightTokenAreRefusedAndChangeNothing() {
    HttpResponse<String> none = Http.postJson(base + "/api/results", FORGED);
    HttpResponse<String> wrong = Http.postJson(base + "/api/results", FORGED, "Bearer " + WRONG);
    HttpResponse<String> basic = Http.postJson(base + "/api/results", FORGED, "Basic " + TOKEN);
    HttpResponse<String> bare = Http.postJson(base + "/api/results", FORGED, TOKEN);

    for (HttpResponse<String> refused : java.util.List.of(none, wrong, basic, bare)) {
      assertThat(refused.statusCode()).isEqualTo(401);
      assertThat(refused.headers().firstValue("WWW-Authenticate")).contains("Bearer realm=\"jvc-dashboard\"");
      assertThat(new JsonObject(refused.body()).getString("error")).contains("Authorization: Bearer");
    }

    JsonObject state = new JsonObject(Http.get(base + "/api/state").body());
    assertThat(state.getJsonObject("results").fieldNames()).isEmpty();
    JsonObject counts = state.getJsonObject("health").getJsonObject("results");
    assertThat(counts.getLong("unauthorized")).isEqualTo(4L);
    assertThat(counts.getLong("accepted")).isZero();
    assertThat(counts.getLong("rejected")).isZero();
    assertThat(counts.getJsonArray("jobs")).isEmpty();
  }

  @Test
  void aPostWithTheTokenIsAccepted() {
    assertThat(Http.postJson(base + "/api/results", REAL, "Bearer " + TOKEN).statusCode()).isEqualTo(202);
    // The scheme is case-insensitive.
    assertThat(Http.postJson(base + "/api/results", REAL, "bearer " + TOKEN).statusCode()).isEqualTo(202);

    JsonObject state = new JsonObject(Http.get(base + "/api/state").body());
    assertThat(state.getJsonObject("results").getJsonObject("words").getJsonArray("top").getJsonObject(0)
        .getString("key")).isEqualTo("café");
    assertThat(state.getJsonObject("health").getJsonObject("results").getLong("accepted")).isEqualTo(2L);
    // The token only guards writing: the page and its feeds stay readable.
    assertThat(Http.get(base + "/").statusCode()).isEqualTo(200);
    assertThat(Http.get(base + "/health").statusCode()).isEqualTo(200);
  }

  @Test
  void refusalsAreLoggedButNoTokenEverIs() {
    assertThat(Http.postJson(base + "/api/results", FORGED, "Bearer " + WRONG).statusCode()).isEqualTo(401);
    assertThat(Http.postJson(base + "/api/results", REAL, "Bearer " + TOKEN).statusCode()).isEqualTo(202);
    assertThat(Http.postJson(base + "/api/results", FORGED).statusCode()).isEqualTo(401);

    String text = logs.text();
    assertThat(text).contains("refused POST /api/results from").contains("wrong bearer token");
    assertThat(text).doesNotContain(TOKEN).doesNotContain(WRONG);
  }
}
