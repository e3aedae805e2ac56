package io.jvcstreaming.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.jvcstreaming.dashboard.support.FakeMetrics;
import io.jvcstreaming.dashboard.support.FakeScraper;
import io.jvcstreaming.dashboard.support.HeadlessChromium;
import io.jvcstreaming.dashboard.support.Http;
import io.jvcstreaming.dashboard.support.StickerImageServer;
import io.jvcstreaming.model.Post;
import io.vertx.core.Vertx;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real browser (Debian's headless Chromium through Debian's chromedriver), fed the way
 * production feeds it: a scraper stream speaking the real protocol, a Prometheus endpoint, and batch
 * results POSTed like the Spark jobs post them. Ends with the screenshot the README shows.
 */
class DashboardBrowserIT {

  private static final String NOEL = "https://image.noelshack.com/fichiers/2026/48/3/";
  private static final String EVIL = "https://evil.example/fichiers/tracker.png";
  private static final String SCRIPT_TEXT = "<script>window.pwned=1</script><b>x</b>";

  private static Path workDir;
  private static Vertx vertx;
  private static FakeScraper scraper;
  private static FakeMetrics metrics;
  private static StickerImageServer images;
  private static ChromeDriver driver;
  private static String base;
  private static long seq = 100;

  @BeforeAll
  static void start() throws Exception {
    workDir = Files.createTempDirectory("jvc-dashboard-it");
    scraper = new FakeScraper();
    metrics = new FakeMetrics();
    images = new StickerImageServer(workDir);
    vertx = Vertx.vertx();
    DashboardVerticle verticle = new DashboardVerticle(new DashboardConfig("127.0.0.1", 0, null, "127.0.0.1",
        scraper.port(), null, URI.create("http://127.0.0.1:" + metrics.port() + "/metrics"),
        Duration.ofMillis(400), "https://www.jeuxvideo.com", null, null));
    vertx.deployVerticle(verticle).await();
    base = "http://127.0.0.1:" + verticle.actualPort();
    driver = startBrowser();
  }

  @AfterAll
  static void stop() throws Exception {
    if (driver != null) {
      driver.quit();
    }
    if (vertx != null) {
      vertx.close().await();
    }
    if (scraper != null) {
      scraper.close();
    }
    if (metrics != null) {
      metrics.close();
    }
    if (images != null) {
      images.close();
    }
  }

  @Test
  void liveDashboardInARealBrowser() throws Exception {
    driver.get(base + "/");
    waitUntil("the SSE stream to be live", () -> text("conn").equals("live"));
    scraper.awaitClient(10);

    // Rankings, as the Spark jobs publish them.
    publish("stickers", "2026-11-25T21:04:33Z", List.of(
        row(NOEL + "1764100000-chat-content.png", 42), row(NOEL + "1764100001-risitas-issou.png", 31),
        row("https://image.jeuxvideo.com/stickers/p/st/1kki", 17), row(EVIL, 12),
        row(NOEL + "1764100002-jesus-aya.png", 9), row(NOEL + "1764100003-celestin.gif", 5)));
    publish("stickers-trending", "2026-11-25T21:04:33Z", List.of(
        row(NOEL + "1764100001-risitas-issou.png", 11), row(NOEL + "1764100004-hap.png", 8),
        row(NOEL + "1764100005-noel.png", 3)));
    publish("authors", "2026-11-25T21:04:33Z", List.of(row("PetitNuage_42", 40), row("Kheyou", 31),
        row("<img src=x onerror=window.pwned=2>", 12), row("Ayaaa_75", 7)));
    publish("words", "2026-11-25T21:04:33Z", List.of(row("ahi", 88), row("khey", 61), row("issou", 40),
        row("taff", 22), row("go", 12)));
    publish("topics", "2026-11-25T21:04:33Z", List.of(topic("77300123", "Le café du matin", 55),
        topic("77300124", "[SONDAGE] Vous dormez combien d'heures ?", 34), topic("77300125", "Ce topic est incroyable", 13)));

    // Posts, as the scraper streams them.
    List<Post> posts = new ArrayList<>();
    posts.add(post("PetitNuage_42", "Le café du matin", 77300123, "Moi ! Ça me va très bien",
        List.of(NOEL + "1764100000-chat-content.png")));
    posts.add(post("Kheyou", "[SONDAGE] Vous dormez combien d'heures ?", 77300124, "6h max les khey", List.of()));
    posts.add(post("Ayaaa_75", "Le café du matin", 77300123, SCRIPT_TEXT, List.of(EVIL)));
    posts.add(post("Kheyou", "Le café du matin", 77300123, "ahi c'est la vie",
        List.of(NOEL + "1764100001-risitas-issou.png", "https://image.jeuxvideo.com/stickers/p/st/1kki")));
    posts.add(post("PetitNuage_42", "Ce topic est incroyable", 77300125, "go taff", List.of()));
    posts.add(post("Kheyou", "Ce topic est incroyable", 77300125, "issou", List.of(NOEL + "1764100004-hap.png")));
    posts.forEach(scraper::send);

    // The page loads the sticker pictures, only from the allowed hosts.
    waitUntil("the sticker images", () -> driver.findElements(By.cssSelector("#list-stickers img")).size() == 5);
    List<String> srcs = driver.findElements(By.cssSelector("#list-stickers img")).stream()
        .map(e -> e.getAttribute("src")).collect(Collectors.toList());
    assertThat(srcs).allSatisfy(s -> assertThat(s).matches(
        "https://(image\\.noelshack\\.com/fichiers/|image\\.jeuxvideo\\.com/stickers/).*"));
    assertThat(srcs).contains(NOEL + "1764100000-chat-content.png", "https://image.jeuxvideo.com/stickers/p/st/1kki");
    assertThat(driver.findElements(By.cssSelector("#list-stickers img")))
        .allSatisfy(img -> assertThat(img.getAttribute("loading")).isEqualTo("lazy"));
    assertThat(driver.findElements(By.cssSelector("img[src*='evil.example']"))).isEmpty();
    assertThat(driver.findElements(By.cssSelector("#list-stickers .sticker.blocked"))).hasSize(1);
    assertThat(text("list-stickers")).contains("×42").contains("×12");
    waitUntil("the trending stickers", () -> driver.findElements(By.cssSelector("#list-stickers-trending img")).size() == 3);

    // The top lists appear...
    waitUntil("the top authors", () -> text("list-authors").contains("PetitNuage_42"));
    assertThat(text("list-words")).contains("ahi").contains("88");
    assertThat(text("list-topics")).contains("Le café du matin").contains("55");
    WebElement topicLink = driver.findElement(By.cssSelector("#list-topics a"));
    assertThat(topicLink.getAttribute("href")).startsWith("https://www.jeuxvideo.com/forums/42-51-77300123-");
    // ...with a hostile pseudo shown as text, not markup.
    assertThat(text("list-authors")).contains("<img src=x onerror=window.pwned=2>");

    // ...and change as new batches arrive.
    String authorsBefore = text("list-authors");
    publish("authors", "2026-11-25T21:04:38Z", List.of(row("Kheyou", 45), row("PetitNuage_42", 41),
        row("Ayaaa_75", 9), row("Nouveau_Khey", 3)));
    waitUntil("the authors ranking to change", () -> !text("list-authors").equals(authorsBefore));
    assertThat(firstBarLabel("list-authors")).isEqualTo("Kheyou");
    assertThat(text("list-authors")).contains("Nouveau_Khey").doesNotContain("onerror");
    String stickersBefore = text("list-stickers");
    publish("stickers", "2026-11-25T21:04:38Z", List.of(
        row(NOEL + "1764100001-risitas-issou.png", 44), row(NOEL + "1764100000-chat-content.png", 43),
        row("https://image.jeuxvideo.com/stickers/p/st/1kki", 18), row(EVIL, 12),
        row(NOEL + "1764100002-jesus-aya.png", 10), row(NOEL + "1764100003-celestin.gif", 6),
        row(NOEL + "1764100004-hap.png", 4)));
    waitUntil("the sticker ranking to change", () -> !text("list-stickers").equals(stickersBefore));
    assertThat(driver.findElement(By.cssSelector("#list-stickers img")).getAttribute("src"))
        .isEqualTo(NOEL + "1764100001-risitas-issou.png");

    // The live feed shows the posts, newest first.
    waitUntil("the live feed", () -> feedAuthors().size() == posts.size());
    assertThat(feedAuthors().get(0)).isEqualTo("Kheyou");
    assertThat(driver.findElements(By.cssSelector("#feed .post-stickers img"))).hasSize(4);

    // A post whose text is markup renders as that text, and nothing ran.
    List<String> texts = driver.findElements(By.cssSelector("#feed .post .text")).stream()
        .map(WebElement::getText).collect(Collectors.toList());
    assertThat(texts).contains(SCRIPT_TEXT);
    assertThat(js("return typeof window.pwned")).isEqualTo("undefined");
    assertThat(driver.findElements(By.cssSelector("#feed b, #feed script, #list-authors img"))).isEmpty();

    // The pseudo filter shows only that author's posts.
    WebElement filter = driver.findElement(By.id("pseudo-filter"));
    filter.sendKeys("kheyou");
    waitUntil("the filter to apply", () -> visibleFeedAuthors().size() == 3);
    assertThat(visibleFeedAuthors()).containsOnly("Kheyou");
    assertThat(text("filter-info")).isEqualTo("3 of 6 recent posts match");
    // A post arriving while filtering is filtered too.
    scraper.send(post("PetitNuage_42", "Le café du matin", 77300123, "encore moi", List.of()));
    scraper.send(post("Kheyou", "Le café du matin", 77300123, "hap", List.of()));
    waitUntil("new posts", () -> feedAuthors().size() == 8);
    waitUntil("the filter to keep applying", () -> visibleFeedAuthors().size() == 4);
    assertThat(visibleFeedAuthors()).containsOnly("Kheyou");
    js("var f = document.getElementById('pseudo-filter'); f.value = ''; f.dispatchEvent(new Event('input'));");
    waitUntil("the filter to clear", () -> visibleFeedAuthors().size() == 8);

    // Health at a glance, from the scraper's metrics and the last batch.
    waitUntil("the health numbers", () -> !text("h-posts-min").equals("—") && !text("h-pages-sec").equals("—"));
    assertThat(text("h-clients")).isEqualTo("3");
    assertThat(text("h-errors")).isEqualTo("3");
    assertThat(text("h-scraper")).isEqualTo("up");
    assertThat(text("h-last-batch")).isNotEqualTo("—");

    // The same state is served as JSON for tools.
    assertThat(Http.get(base + "/api/state").body()).contains("\"stickers-trending\"");

    assertPhoneLayout();
    screenshot();
  }

  // ---- helpers --------------------------------------------------------------------------------------

  private static ChromeDriver startBrowser() {
    // The sticker hosts resolve to the local image server (see StickerImageServer); nothing else resolves.
    return HeadlessChromium.start(workDir, "MAP image.noelshack.com 127.0.0.1:" + images.port()
        + ", MAP image.jeuxvideo.com 127.0.0.1:" + images.port());
  }

  private static void publish(String job, String batchTime, List<Map<String, Object>> top) {
    io.vertx.core.json.JsonObject body = new io.vertx.core.json.JsonObject()
        .put("job", job).put("batchTime", batchTime).put("posts", 120).put("totalPosts", 4200)
        .put("top", new io.vertx.core.json.JsonArray(new ArrayList<>(top)));
    assertThat(Http.postJson(base + "/api/results", body.encode()).statusCode()).isEqualTo(202);
  }

  private static Map<String, Object> row(String key, long count) {
    return Map.of("key", key, "count", count);
  }

  private static Map<String, Object> topic(String id, String title, long count) {
    return Map.of("key", id, "label", title, "count", count);
  }

  private static Post post(String author, String topic, long topicId, String text, List<String> stickers) {
    long s = ++seq;
    return new Post(s, 1_320_000_000L + s, topicId, topic, author, Instant.now(), text, stickers,
        "https://www.jeuxvideo.com/forums/42-51-" + topicId + "-1-0-1-0-topic.htm");
  }

  private static String text(String id) {
    return driver.findElement(By.id(id)).getText();
  }

  private static Object js(String script) {
    return ((JavascriptExecutor) driver).executeScript(script);
  }

  private static String firstBarLabel(String listId) {
    return driver.findElement(By.cssSelector("#" + listId + " .bar-label")).getText();
  }

  private static List<String> feedAuthors() {
    return driver.findElements(By.cssSelector("#feed li.post .author")).stream()
        .map(e -> e.getAttribute("textContent")).collect(Collectors.toList());
  }

  private static List<String> visibleFeedAuthors() {
    return driver.findElements(By.cssSelector("#feed li.post:not([hidden]) .author")).stream()
        .map(e -> e.getAttribute("textContent")).collect(Collectors.toList());
  }

  private static void waitUntil(String what, java.util.function.BooleanSupplier condition) {
    try {
      new WebDriverWait(driver, Duration.ofSeconds(15), Duration.ofMillis(100))
          .withMessage(() -> "waiting for " + what)
          .until(d -> condition.getAsBoolean());
    } catch (org.openqa.selenium.TimeoutException e) {
      throw new AssertionError("timed out waiting for " + what, e);
    }
  }

  /** One column on a phone-sized window: every card as wide as the page. */
  private static void assertPhoneLayout() {
    Dimension desktop = driver.manage().window().getSize();
    driver.manage().window().setSize(new Dimension(400, 900));
    waitUntil("the phone layout", () -> String.valueOf(js(
        "return getComputedStyle(document.querySelector('main.grid')).gridTemplateColumns")).split(" ").length == 1);
    driver.manage().window().setSize(desktop);
    waitUntil("the desktop layout", () -> String.valueOf(js(
        "return getComputedStyle(document.querySelector('main.grid')).gridTemplateColumns")).split(" ").length == 3);
  }

  /**
   * Full page, as the README shows it. Chrome screenshots only the viewport, so ask DevTools for a capture
   * beyond it (a chromedriver command, no CDP bindings needed).
   */
  private static void screenshot() throws Exception {
    js("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0);");
    long height = ((Number) js("return Math.ceil(document.documentElement.scrollHeight)")).longValue();
    // Bring every lazy image into range, then wait for it to load (or to fail into its labelled box).
    driver.manage().window().setSize(new Dimension(1280, (int) Math.min(4000, height + 200)));
    // Pixels are best effort (the assertions above are on the elements): never fail the test over them.
    js("document.querySelectorAll('img.sticker-img').forEach(i => { i.loading = 'eager'; });");
    try {
      new WebDriverWait(driver, Duration.ofSeconds(10), Duration.ofMillis(100)).until(d -> Boolean.TRUE.equals(js(
          "return Array.from(document.querySelectorAll('img.sticker-img')).every(i => i.complete)")));
    } catch (org.openqa.selenium.TimeoutException e) {
      System.out.println("screenshot: some sticker images did not settle: " + js(
          "return Array.from(document.querySelectorAll('img.sticker-img')).filter(i => !i.complete).map(i => i.src)"));
    }
    js("window.scrollTo(0, 0);");
    // Down to the footer, not the (now taller) window.
    // once the layout has settled: the same footer position in two polls in a row
    long[] footer = {-1};
    new WebDriverWait(driver, Duration.ofSeconds(10), Duration.ofMillis(100)).until(d -> {
      long now = ((Number) js("return Math.ceil(document.querySelector('footer').getBoundingClientRect().bottom"
          + " + window.scrollY)")).longValue();
      boolean settled = now == footer[0];
      footer[0] = now;
      return settled;
    });
    height = footer[0];
    Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of(
        "format", "png", "captureBeyondViewport", true,
        "clip", Map.of("x", 0, "y", 0, "width", 1280, "height", height, "scale", 1)));
    byte[] png = java.util.Base64.getDecoder().decode((String) shot.get("data"));
    Path target = Path.of("target", "dashboard.png");
    Files.createDirectories(target.getParent());
    Files.write(target, png);
    assertThat(png.length).isGreaterThan(10_000);
  }
}
