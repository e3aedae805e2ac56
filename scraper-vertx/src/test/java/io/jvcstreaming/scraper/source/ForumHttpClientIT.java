package io.jvcstreaming.scraper.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jvcstreaming.scraper.config.ConfigLoader;
import io.jvcstreaming.scraper.config.ScraperConfig;
import io.jvcstreaming.scraper.metrics.ScraperMetrics;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The polite HTTP client against a real local server that misbehaves in every way we expect from the wild. */
class ForumHttpClientIT {

  private static final String PAGE = "<html><body><div id=\"listMessages\" class=\"container__messages\"></div></body></html>";

  private Vertx vertx;
  private HttpServer server;
  private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
  private final Map<String, String> userAgents = new ConcurrentHashMap<>();
  private final Map<String, String> headersSeen = new ConcurrentHashMap<>();
  private ScraperMetrics metrics;
  private ForumHttpClient client;
  private String base;

  @BeforeEach
  void setUp() {
    vertx = Vertx.vertx();
    server = vertx.createHttpServer().requestHandler(this::route);
    int port = server.listen(0, "127.0.0.1").await().actualPort();
    base = "http://127.0.0.1:" + port;
    ScraperConfig config = ConfigLoader.load(new String[] {"--forum-url", base + "/forums/0-51-0-1-0-1-0-x.htm",
        "--max-body-bytes", "65536", "--request-timeout", "1500ms", "--backoff-base", "20ms", "--backoff-max", "100ms",
        "--max-retries", "2", "--rate", "500"}, Map.of());
    metrics = new ScraperMetrics();
    client = new ForumHttpClient(vertx, config, metrics);
  }

  @AfterEach
  void tearDown() {
    vertx.close().await();
  }

  private void route(HttpServerRequest req) {
    String path = req.path();
    int n = hits.computeIfAbsent(path, k -> new AtomicInteger()).incrementAndGet();
    userAgents.put(path, String.valueOf(req.getHeader("User-Agent")));
    var res = req.response();
    switch (path) {
      case "/ok" -> res.putHeader("Content-Type", "text/html; charset=utf-8").end(PAGE);
      case "/gzipped", "/gzipbomb" -> {
        headersSeen.put(path, String.valueOf(req.getHeader("Accept-Encoding")));
        res.putHeader("Content-Type", "text/html").putHeader("Content-Encoding", "gzip")
            .end(Buffer.buffer(gzip(path.equals("/gzipped") ? PAGE : "z".repeat(5_000_000))));
      }
      case "/setcookie" -> res.putHeader("Set-Cookie", "session=s1; Path=/; HttpOnly")
          .putHeader("Content-Type", "text/html").end(PAGE);
      case "/cookie" -> {
        headersSeen.put(path, String.valueOf(req.getHeader("Cookie")));
        res.putHeader("Content-Type", "text/html").end(PAGE);
      }
      case "/huge" -> res.putHeader("Content-Type", "text/html").end("x".repeat(200_000));
      case "/endless" -> {
        res.setChunked(true).putHeader("Content-Type", "text/html");
        long timer = vertx.setPeriodic(1, t -> res.write("<p>" + "y".repeat(4000) + "</p>"));
        res.closeHandler(v -> vertx.cancelTimer(timer));
        req.connection().closeHandler(v -> vertx.cancelTimer(timer));
      }
      case "/silent" -> { } // never answers
      case "/drop" -> req.connection().close();
      case "/flaky" -> {
        if (n <= 2) {
          res.setStatusCode(503).putHeader("Retry-After", "0").end("busy");
        } else {
          res.putHeader("Content-Type", "text/html").end(PAGE);
        }
      }
      case "/always503" -> res.setStatusCode(503).end("down");
      case "/challenge" -> res.setStatusCode(403).putHeader("cf-mitigated", "challenge").putHeader("Content-Type", "text/html")
          .end("<html><title>Just a moment...</title></html>");
      case "/challenge200" -> res.putHeader("Content-Type", "text/html")
          .end("<html><head><title>Just a moment...</title></head><body>Checking your browser</body></html>");
      case "/gone" -> res.setStatusCode(410).end("gone");
      case "/missing" -> res.setStatusCode(404).end("nope");
      case "/moved" -> res.setStatusCode(302).putHeader("Location", "/forums.htm").end();
      case "/badlocation" -> res.setStatusCode(301).putHeader("Location", "http://[::1/forums 42|x.htm").end();
      case "/json" -> res.putHeader("Content-Type", "application/json").end("{\"error\":true}");
      case "/latin1" -> res.putHeader("Content-Type", "text/html; charset=ISO-8859-1")
          .end(Buffer.buffer(("<html><body><div id=\"listMessages\">caf\u00e9</div></body></html>")
              .getBytes(StandardCharsets.ISO_8859_1)));
      case "/etag" -> {
        if ("\"v1\"".equals(req.getHeader("If-None-Match"))) {
          res.setStatusCode(304).end();
        } else {
          res.putHeader("ETag", "\"v1\"").putHeader("Last-Modified", "Wed, 25 Nov 2026 20:00:00 GMT")
              .putHeader("Content-Type", "text/html").end(PAGE);
        }
      }
      default -> res.setStatusCode(500).end();
    }
  }

  private static byte[] gzip(String text) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(out)) {
      gz.write(text.getBytes(StandardCharsets.UTF_8));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  @Test
  @DisplayName("gzip is asked for and inflated; the body cap counts inflated bytes, so a gzip bomb is cut")
  void gzippedAnswersAreInflatedUnderTheCap() {
    assertThat(client.get(base + "/gzipped", false).await().body().text()).isEqualTo(PAGE);
    assertThat(headersSeen.get("/gzipped")).contains("gzip");
    assertThatThrownBy(() -> client.get(base + "/gzipbomb", false).await())
        .isInstanceOf(FetchException.class).hasMessageContaining("body-too-large");
  }

  @Test
  void cookiesTheForumSetsAreSentBack() {
    client.get(base + "/setcookie", false).await();
    client.get(base + "/cookie", false).await();
    assertThat(headersSeen.get("/cookie")).isEqualTo("session=s1");
  }

  private int hits(String path) {
    return hits.getOrDefault(path, new AtomicInteger()).get();
  }

  @Test
  void aNormalPageComesBackWithABrowserLikeUserAgentThatStillNamesUs() {
    FetchResult r = client.get(base + "/ok", false).await();
    assertThat(r.outcome()).isEqualTo(FetchResult.Outcome.OK);
    assertThat(r.body().text()).contains("listMessages");
    assertThat(userAgents.get("/ok")).startsWith("Mozilla/5.0").contains("jvc-streaming");
  }

  @Test
  @DisplayName("an oversized body or an endless chunked answer is cut at the limit, not retried, and counted")
  void oversizedAndEndlessBodiesAreCut() {
    assertThatThrownBy(() -> client.get(base + "/huge", false).await())
        .isInstanceOf(FetchException.class).hasMessageContaining("body-too-large");
    assertThatThrownBy(() -> client.get(base + "/endless", false).await())
        .isInstanceOf(FetchException.class).hasMessageContaining("body-too-large");
    assertThat(hits("/huge")).isEqualTo(1);
    assertThat(metrics.pages("body-too-large")).isEqualTo(2);
  }

  @Test
  void aSilentServerTimesOutAndIsRetriedThenGivenUp() {
    assertThatThrownBy(() -> client.get(base + "/silent", false).await())
        .isInstanceOf(FetchException.class).hasMessageContaining("timeout");
    assertThat(hits("/silent")).isEqualTo(3);
    assertThat(metrics.retries()).isEqualTo(2);
    assertThat(metrics.retries("timeout")).isEqualTo(2);
  }

  @Test
  void aDroppedConnectionIsRetried() {
    assertThatThrownBy(() -> client.get(base + "/drop", false).await()).isInstanceOf(FetchException.class);
    assertThat(hits("/drop")).isEqualTo(3);
  }

  @Test
  void transient503sAreRetriedWithBackoffUntilThePageComes() {
    FetchResult r = client.get(base + "/flaky", false).await();
    assertThat(r.outcome()).isEqualTo(FetchResult.Outcome.OK);
    assertThat(hits("/flaky")).isEqualTo(3);
    assertThat(metrics.pages("http-503")).isEqualTo(2);
    assertThat(metrics.retries("503")).isEqualTo(2);
    assertThat(metrics.challengeBackoffs()).isZero();
    assertThatThrownBy(() -> client.get(base + "/always503", false).await()).hasMessageContaining("http-503");
  }

  @Test
  @DisplayName("a challenge page, 403 with cf-mitigated or a 200 without forum markup, is never read as a page")
  void challengePagesAreRecognised() {
    assertThatThrownBy(() -> client.get(base + "/challenge", false).await()).hasMessageContaining("challenge");
    assertThatThrownBy(() -> client.get(base + "/challenge200", false).await()).hasMessageContaining("challenge");
    assertThat(metrics.pages("challenge")).isEqualTo(6);
    // 3 attempts each, so 2 retries each, every one backing the whole host off (20..100 ms here)
    assertThat(metrics.retries("challenge")).isEqualTo(4);
    assertThat(metrics.challengeBackoffs()).isEqualTo(4);
    assertThat(metrics.challengeBackoffMillis()).isBetween(4L, 400L);
  }

  @Test
  void goneAndMissingAreNotRetriedAndRedirectsAreReportedAbsolute() {
    assertThat(client.get(base + "/gone", false).await().outcome()).isEqualTo(FetchResult.Outcome.GONE);
    assertThat(client.get(base + "/missing", false).await().outcome()).isEqualTo(FetchResult.Outcome.GONE);
    assertThat(hits("/gone")).isEqualTo(1);
    assertThat(hits("/missing")).isEqualTo(1);
    FetchResult moved = client.get(base + "/moved", false).await();
    assertThat(moved.outcome()).isEqualTo(FetchResult.Outcome.REDIRECT);
    assertThat(moved.location()).isEqualTo(base + "/forums.htm");
  }

  @Test
  void wrongContentTypeIsRefusedAndDeclaredCharsetsAreHonoured() {
    assertThatThrownBy(() -> client.get(base + "/json", false).await()).hasMessageContaining("wrong-content-type");
    assertThat(hits("/json")).isEqualTo(1);
    assertThat(client.get(base + "/latin1", false).await().body().text()).contains("café");
  }

  @Test
  void conditionalRequestsSendTheEtagAndReport304s() {
    assertThat(client.get(base + "/etag", true).await().outcome()).isEqualTo(FetchResult.Outcome.OK);
    assertThat(client.get(base + "/etag", true).await().outcome()).isEqualTo(FetchResult.Outcome.NOT_MODIFIED);
    assertThat(client.get(base + "/etag", false).await().outcome()).as("unconditional").isEqualTo(FetchResult.Outcome.OK);
    client.forgetValidators(base + "/etag");
    assertThat(client.get(base + "/etag", true).await().outcome()).isEqualTo(FetchResult.Outcome.OK);
  }

  @Test
  @DisplayName("a malformed Location is a classified failure, counted, not retried: the fetch always completes")
  void aMalformedLocationFailsTheFetchInsteadOfHangingIt() throws Exception {
    CompletableFuture<FetchResult> fetch = client.get(base + "/badlocation", false).toCompletionStage()
        .toCompletableFuture();
    assertThatThrownBy(() -> fetch.get(30, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(FetchException.class)
        .hasMessageContaining("bad-location");
    assertThat(metrics.pages("bad-location")).isEqualTo(1);
    assertThat(hits("/badlocation")).isEqualTo(1);
  }

  @Test
  void aMalformedUrlIsAFailedFetchNotAnException() {
    assertThatThrownBy(() -> client.get("http://[::1/forums x.htm", false).await())
        .isInstanceOf(FetchException.class).hasMessageContaining("bad-url");
    assertThat(metrics.pages("bad-url")).isEqualTo(1);
  }

  @Test
  void redirectTargetsResolveOrAreRefused() {
    assertThat(ResponseClassifier.resolveLocation("http://h/a/b.htm", " /c.htm ")).isEqualTo("http://h/c.htm");
    assertThat(ResponseClassifier.resolveLocation("http://h/a/b.htm", "https://x/y")).isEqualTo("https://x/y");
    assertThat(ResponseClassifier.resolveLocation("http://h/a/b.htm", "http://[::1/x y")).isNull();
    assertThat(ResponseClassifier.resolveLocation("http://h/a/b.htm", "mailto:a@b")).isNull();
  }
}
