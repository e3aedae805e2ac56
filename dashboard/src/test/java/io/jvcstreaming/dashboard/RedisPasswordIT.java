package io.jvcstreaming.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.jvcstreaming.dashboard.support.Http;
import io.jvcstreaming.dashboard.support.LogCapture;
import io.jvcstreaming.dashboard.support.TestDashboards;
import io.jvcstreaming.testkit.RedisTestServer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Persistence against a real Redis started with {@code requirepass}, the way the chart runs it. */
class RedisPasswordIT {

  private static final String PASSWORD = "redis-Pw-8c1f0a";

  private static RedisTestServer redis;

  @BeforeAll
  static void startRedis() {
    redis = new RedisTestServer(PASSWORD);
  }

  @AfterAll
  static void stopRedis() {
    if (redis != null) {
      redis.close();
    }
  }

  @Test
  void passwordInTheUrl() {
    String url = "redis://:" + PASSWORD + "@127.0.0.1:" + redis.port();
    survivesARestart("in-url", url, null);
  }

  @Test
  void passwordApartFromTheUrl() {
    survivesARestart("apart", redis.url(), PASSWORD);
  }

  @Test
  void withoutThePasswordItStartsEmptyAndSaysSoWithoutLeakingIt() {
    // Written with the password first, so there is something a password-less client must not read.
    survivesARestart("guarded", redis.url(), PASSWORD);
    try (LogCapture logs = new LogCapture()) {
      for (String[] attempt : new String[][] {{redis.url(), null}, {redis.url(), "wrong-password-1"}}) {
        Vertx vertx = Vertx.vertx();
        try {
          String base = deploy(vertx, attempt[0], attempt[1]);
          JsonObject results = new JsonObject(Http.get(base + "/api/state").body()).getJsonObject("results");
          assertThat(results.fieldNames()).doesNotContain("guarded");
        } finally {
          vertx.close().await();
        }
      }
      assertThat(logs.text()).contains("cannot read the latest results from Redis")
          .doesNotContain(PASSWORD).doesNotContain("wrong-password-1");
    }
  }

  private static void survivesARestart(String job, String url, String password) {
    Vertx first = Vertx.vertx();
    try {
      String base = deploy(first, url, password);
      assertThat(Http.postJson(base + "/api/results", "{\"job\":\"" + job + "\",\"batchTime\":1795637074000,"
          + "\"posts\":3,\"top\":[{\"key\":\"café\",\"count\":9}]}").statusCode()).isEqualTo(202);
    } finally {
      // Undeploying waits for the chained Redis writes.
      first.close().await();
    }
    Vertx second = Vertx.vertx();
    try {
      String base = deploy(second, url, password);
      JsonObject results = new JsonObject(Http.get(base + "/api/state").body()).getJsonObject("results");
      assertThat(results.fieldNames()).contains(job);
      assertThat(results.getJsonObject(job).getJsonArray("top").getJsonObject(0).getString("key")).isEqualTo("café");
    } finally {
      second.close().await();
    }
  }

  private static String deploy(Vertx vertx, String url, String password) {
    DashboardVerticle v = new DashboardVerticle(
        TestDashboards.config(url, password, null, TestDashboards.freePort(), TestDashboards.freePort()));
    vertx.deployVerticle(v).await();
    return "http://127.0.0.1:" + v.actualPort();
  }
}
