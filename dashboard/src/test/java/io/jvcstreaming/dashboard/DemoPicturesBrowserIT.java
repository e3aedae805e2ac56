package io.jvcstreaming.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.jvcstreaming.dashboard.support.HeadlessChromium;
import io.jvcstreaming.dashboard.support.Http;
import io.jvcstreaming.dashboard.support.TestDashboards;
import io.jvcstreaming.simulator.ForumSimulator;
import io.jvcstreaming.simulator.SimulatorConfig;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The offline demo's pictures in a real browser: with a picture mirror (the real forum simulator) the sticker
 * images load from it; without one (live mode) the page's Content-Security-Policy keeps the simulator out. The
 * browser resolves no name at all, as on a machine offline: only 127.0.0.1 is reachable.
 */
class DemoPicturesBrowserIT {

  private static final List<String> STICKERS = List.of(
      "https://image.jeuxvideo.com/stickers/p/st/1kki",
      "https://image.jeuxvideo.com/stickers/p/st/zuc",
      "https://image.noelshack.com/fichiers/2026/48/3/1764100000-chat-content.jpg");

  private static ForumSimulator sim;
  private static String simOrigin;
  private static Vertx vertx;
  private static String demo;
  private static String live;
  private static ChromeDriver driver;

  @BeforeAll
  static void start() throws Exception {
    sim = ForumSimulator.start(SimulatorConfig.defaults().withPort(0).withTopics(5).withSeed(7));
    simOrigin = "http://127.0.0.1:" + sim.port();
    vertx = Vertx.vertx();
    demo = deploy(simOrigin, simOrigin);
    live = deploy("https://www.jeuxvideo.com", null);
    driver = HeadlessChromium.start(Files.createTempDirectory("jvc-demo-pictures-it"), "");
  }

  @AfterAll
  static void stop() throws Exception {
    if (driver != null) {
      driver.quit();
    }
    if (vertx != null) {
      vertx.close().await();
    }
    if (sim != null) {
      sim.close();
    }
  }

  @Test
  void demoModeLoadsTheStickerPicturesFromTheSimulator() {
    driver.get(demo + "/");
    waitUntil("the SSE stream to be live", () -> text("conn").equals("live"));
    publish(demo);
    waitUntil("three sticker pictures loaded", () -> Boolean.TRUE.equals(js(
        "const imgs = Array.from(document.querySelectorAll('#list-stickers img'));"
            + "imgs.forEach(i => { i.loading = 'eager'; });"
            + "return imgs.length === 3 && imgs.every(i => i.complete && i.naturalWidth > 0);")));
    List<String> srcs = driver.findElements(By.cssSelector("#list-stickers img")).stream()
        .map(e -> e.getAttribute("src")).collect(Collectors.toList());
    assertThat(srcs).containsExactly(
        simOrigin + "/pictures/image.jeuxvideo.com/stickers/p/st/1kki",
        simOrigin + "/pictures/image.jeuxvideo.com/stickers/p/st/zuc",
        simOrigin + "/pictures/image.noelshack.com/fichiers/2026/48/3/1764100000-chat-content.jpg");
    assertThat(driver.findElements(By.cssSelector("#list-stickers .sticker.broken"))).isEmpty();
    // the labels are still the stickers' own identifiers
    assertThat(driver.findElements(By.cssSelector("#list-stickers img")).stream().map(e -> e.getAttribute("alt")))
        .containsExactly("1kki", "zuc", "chat-content");
    assertThat(text("list-stickers")).contains("×40");
    assertThat(text("picture-source")).as("the footer says where pictures come from").startsWith(simOrigin);
  }

  @Test
  void liveModeKeepsTheSimulatorOriginOutOfThePage() {
    driver.get(live + "/");
    waitUntil("the SSE stream to be live", () -> text("conn").equals("live"));
    publish(live);
    waitUntil("the sticker images", () -> driver.findElements(By.cssSelector("#list-stickers img")).size() == 3);
    assertThat(driver.findElements(By.cssSelector("#list-stickers img")).stream().map(e -> e.getAttribute("src")))
        .containsExactlyElementsOf(STICKERS);
    assertThat(text("picture-source")).isEqualTo("image.noelshack.com and image.jeuxvideo.com");
    // A picture of the simulator forced into the live page: the CSP blocks it and says so.
    String picture = simOrigin + "/pictures/image.jeuxvideo.com/stickers/p/st/1kki";
    js("window.blocked = [];"
        + "document.addEventListener('securitypolicyviolation', e => window.blocked.push(e.blockedURI));"
        + "const img = document.createElement('img'); img.id = 'forced'; img.src = arguments[0];"
        + "document.body.appendChild(img);", picture);
    waitUntil("the CSP to block the simulator's picture", () -> Boolean.TRUE.equals(
        js("return window.blocked.includes(arguments[0]);", picture)));
    waitUntil("the forced image to settle", () -> Boolean.TRUE.equals(
        js("return document.getElementById('forced').complete;")));
    assertThat(js("return document.getElementById('forced').naturalWidth;")).isEqualTo(0L);
  }

  private static String deploy(String forumOrigin, String pictureMirror) {
    DashboardVerticle verticle = new DashboardVerticle(new DashboardConfig("127.0.0.1", 0, null, "127.0.0.1",
        TestDashboards.freePort(), null, URI.create("http://127.0.0.1:" + TestDashboards.freePort() + "/metrics"),
        Duration.ofSeconds(5), forumOrigin, null, null, pictureMirror));
    vertx.deployVerticle(verticle).await();
    return "http://127.0.0.1:" + verticle.actualPort();
  }

  private static void publish(String base) {
    JsonArray top = new JsonArray();
    long count = 40;
    for (String url : STICKERS) {
      top.add(new JsonObject().put("key", url).put("count", count));
      count -= 10;
    }
    JsonObject body = new JsonObject().put("job", "stickers").put("batchTime", "2026-11-25T21:04:33Z")
        .put("posts", 12).put("totalPosts", 300).put("top", top);
    assertThat(Http.postJson(base + "/api/results", body.encode()).statusCode()).isEqualTo(202);
  }

  private static String text(String id) {
    return driver.findElement(By.id(id)).getText();
  }

  private static Object js(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  private static void waitUntil(String what, java.util.function.BooleanSupplier condition) {
    try {
      new WebDriverWait(driver, Duration.ofSeconds(20), Duration.ofMillis(100))
          .withMessage(() -> "waiting for " + what)
          .until(d -> condition.getAsBoolean());
    } catch (org.openqa.selenium.TimeoutException e) {
      throw new AssertionError("timed out waiting for " + what, e);
    }
  }
}
