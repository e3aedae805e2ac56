package io.jvcstreaming.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.jvcstreaming.dashboard.support.Http;
import io.jvcstreaming.dashboard.support.TestDashboards;
import io.jvcstreaming.testkit.RedisTestServer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** With a real Redis, a restarted dashboard shows the latest results at once, before any new batch. */
class RedisPersistenceIT {

  private static RedisTestServer redis;

  @BeforeAll
  static void startRedis() {
    redis = new RedisTestServer();
  }

  @AfterAll
  static void stopRedis() {
    if (redis != null) {
      redis.close();
    }
  }

  private static String deploy(Vertx vertx, String redisUrl) {
    DashboardVerticle v = new DashboardVerticle(
        TestDashboards.config(redisUrl, TestDashboards.freePort(), TestDashboards.freePort()));
    vertx.deployVerticle(v).await();
    return "http://127.0.0.1:" + v.actualPort();
  }

  @Test
  void latestResultPerJobSurvivesARestart() {
    Vertx first = Vertx.vertx();
    try {
      String base = deploy(first, redis.url());
      assertThat(Http.postJson(base + "/api/results", "{\"job\":\"words\",\"batchTime\":1795637073000,\"posts\":3,"
          + "\"top\":[{\"key\":\"old\",\"count\":1}]}").statusCode()).isEqualTo(202);
      assertThat(Http.postJson(base + "/api/results", "{\"job\":\"words\",\"batchTime\":1795637074000,\"posts\":3,"
          + "\"top\":[{\"key\":\"café\",\"count\":9}]}").statusCode()).isEqualTo(202);
      assertThat(Http.postJson(base + "/api/results", "{\"job\":\"stickers\",\"batchTime\":1795637074000,\"posts\":3,"
          + "\"top\":[{\"key\":\"https://image.noelshack.com/fichiers/2026/48/3/1-chat.png\",\"count\":4}]}")
          .statusCode()).isEqualTo(202);
    } finally {
      // Undeploying waits for the chained Redis writes (RedisResultPersistence.close).
      first.close().await();
    }

    Vertx second = Vertx.vertx();
    try {
      String base = deploy(second, redis.url());
      JsonObject results = new JsonObject(Http.get(base + "/api/state").body()).getJsonObject("results");
      assertThat(results.fieldNames()).containsExactlyInAnyOrder("words", "stickers");
      assertThat(results.getJsonObject("words").getJsonArray("top").getJsonObject(0).getString("key"))
          .isEqualTo("café");
      assertThat(results.getJsonObject("stickers").getJsonArray("top").getJsonObject(0).getBoolean("image")).isTrue();
    } finally {
      second.close().await();
    }
  }

  @Test
  void startsEmptyWhenRedisIsUnreachable() {
    Vertx vertx = Vertx.vertx();
    try {
      String base = deploy(vertx, "redis://127.0.0.1:" + TestDashboards.freePort());
      assertThat(Http.get(base + "/api/state").statusCode()).isEqualTo(200);
      assertThat(Http.postJson(base + "/api/results", "{\"job\":\"words\",\"batchTime\":1,\"posts\":0,\"top\":[]}")
          .statusCode()).isEqualTo(202);
    } finally {
      vertx.close().await();
    }
  }
}
