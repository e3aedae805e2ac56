package io.jvcstreaming.scraper.source;

import io.jvcstreaming.retry.Backoff;
import io.jvcstreaming.scraper.config.ScraperConfig;
import io.jvcstreaming.scraper.metrics.ScraperMetrics;
import io.jvcstreaming.scraper.parse.ChallengeDetector;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.ext.web.client.WebClientSession;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The forum as seen over HTTP, politely: one rate limit per host, a capped connection pool, a browser-like
 * request profile with cookies kept for the session, conditional requests (ETag / Last-Modified), retries
 * with the project's {@link Backoff} on 5xx, 429 (Retry-After honoured), connection errors and
 * challenge pages, none on 404/410, and a cap on body size.
 */
public final class ForumHttpClient {

  private static final Logger LOG = LoggerFactory.getLogger(ForumHttpClient.class);
  private static final int VALIDATOR_CACHE_SIZE = 20_000;

  private final Vertx vertx;
  private final ScraperConfig config;
  private final ScraperMetrics metrics;
  private final WebClient client;
  private final WebClientSession session;
  private final Map<String, RateLimiter> limiters = new LinkedHashMap<>();
  private final Map<String, String[]> validators = new LinkedHashMap<>(1024, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, String[]> eldest) {
      return size() > VALIDATOR_CACHE_SIZE;
    }
  };

  public ForumHttpClient(Vertx vertx, ScraperConfig config, ScraperMetrics metrics) {
    this.vertx = vertx;
    this.config = config;
    this.metrics = metrics;
    boolean https = "https".equals(config.forumUrl().getScheme());
    WebClientOptions options = new WebClientOptions()
        .setUserAgent(config.userAgent())
        .setFollowRedirects(false) // a redirect means "past the end" or "unknown topic": we must see it
        .setDecompressionSupported(true)
        .setConnectTimeout((int) config.connectTimeout().toMillis())
        .setKeepAlive(true)
        .setTcpNoDelay(true);
    if (https) {
      // The live site sits behind Cloudflare, which lets HTTP/2 browser-like clients through.
      options.setProtocolVersion(HttpVersion.HTTP_2).setUseAlpn(true);
    }
    // One connection per fetcher at most (HTTP/1.1); HTTP/2 multiplexes them over a few.
    PoolOptions pool = new PoolOptions().setHttp1MaxSize(Math.max(4, config.fetchers())).setHttp2MaxSize(4);
    this.client = WebClient.create(vertx, options, pool);
    this.session = WebClientSession.create(client);
    session.addHeader("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
    session.addHeader("Accept-Language", "fr-FR,fr;q=0.9,en;q=0.5");
  }

  /** Fetches a page; {@code conditional} sends the validators of the last 200 for this URL. */
  public Future<FetchResult> get(String url, boolean conditional) {
    Promise<FetchResult> promise = Promise.promise();
    String host;
    try {
      host = URI.create(url).getRawAuthority();
    } catch (IllegalArgumentException e) {
      // a URL built from a page's link or a redirect: refused as a fetch failure, never thrown at the caller
      metrics.page("bad-url");
      LOG.warn("not fetching {}: not a valid URL ({})", url, e.getMessage());
      return Future.failedFuture(new FetchException(url, "bad-url"));
    }
    attempt(url, conditional, 0, host, promise);
    return promise.future();
  }

  private void attempt(String url, boolean conditional, int attempt, String host, Promise<FetchResult> promise) {
    limiter(host).acquire().onComplete(slot -> {
      long started = System.nanoTime();
      HttpRequest<Buffer> request = session.getAbs(url)
          .timeout(config.requestTimeout().toMillis())
          .as(BoundedBody.codec(config.maxBodyBytes()));
      String[] known = conditional ? validator(url) : null;
      if (known != null) {
        // The ETag when there is one: Last-Modified has one-second granularity, and a page changed twice in
        // that second would look unchanged to If-Modified-Since.
        if (known[0] != null) {
          request.putHeader("If-None-Match", known[0]);
        } else if (known[1] != null) {
          request.putHeader("If-Modified-Since", known[1]);
        }
      }
      request.send().onComplete(ar -> {
        metrics.fetchLatency(System.nanoTime() - started);
        if (ar.succeeded()) {
          try {
            onResponse(url, conditional, attempt, ar.result(), host, promise);
          } catch (RuntimeException e) {
            // whatever an answer holds, the promise completes: a fetch that never ends stalls a topic or a round
            metrics.page("bad-response");
            LOG.warn("answer from {} could not be read: {}", url, e.toString());
            promise.tryFail(new FetchException(url, "bad-response"));
          }
        } else {
          Throwable e = ar.cause();
          String reason = e instanceof BoundedBody.BodyTooLargeException ? "body-too-large"
              : e instanceof TimeoutException || String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("timeout") ? "timeout"
              : "connection";
          // An oversized body will be oversized again: no retry.
          retryOrFail(url, conditional, attempt, reason, !"body-too-large".equals(reason), 0, host, promise);
        }
      });
    });
  }

  private void onResponse(String url, boolean conditional, int attempt, HttpResponse<Buffer> response, String host,
      Promise<FetchResult> promise) {
    int status = response.statusCode();
    String cfMitigated = response.getHeader("cf-mitigated");
    if (status == 200) {
      String contentType = response.getHeader("Content-Type");
      if (!isHtml(contentType)) {
        // a JSON error, an image, a file download: not a forum page whatever its body says
        retryOrFail(url, conditional, attempt, "wrong-content-type", false, 0, host, promise);
        return;
      }
      Buffer body = response.body();
      String html = body == null ? "" : body.toString(charsetOf(contentType));
      if (ChallengeDetector.isChallenge(status, cfMitigated, html)) {
        retryOrFail(url, conditional, attempt, "challenge", true, 0, host, promise);
        return;
      }
      remember(url, response.getHeader("ETag"), response.getHeader("Last-Modified"));
      metrics.page(FetchResult.Outcome.OK.label());
      promise.complete(new FetchResult(FetchResult.Outcome.OK, status, url, html, null));
    } else if (status == 304) {
      metrics.page(FetchResult.Outcome.NOT_MODIFIED.label());
      promise.complete(new FetchResult(FetchResult.Outcome.NOT_MODIFIED, status, url, null, null));
    } else if (status >= 300 && status < 400 && response.getHeader("Location") != null) {
      String header = response.getHeader("Location");
      String location = resolveLocation(url, header);
      if (location == null) {
        LOG.warn("{} redirected ({}) to a malformed Location '{}': not followed", url, status,
            header.length() > 200 ? header.substring(0, 200) + "…" : header);
        retryOrFail(url, conditional, attempt, "bad-location", false, 0, host, promise);
        return;
      }
      metrics.page(FetchResult.Outcome.REDIRECT.label());
      promise.complete(new FetchResult(FetchResult.Outcome.REDIRECT, status, url, null, location));
    } else if (status == 404 || status == 410) {
      metrics.page(FetchResult.Outcome.GONE.label());
      promise.complete(new FetchResult(FetchResult.Outcome.GONE, status, url, null, null));
    } else if (status == 403 && cfMitigated != null
        || ChallengeDetector.isChallenge(status, cfMitigated, response.body() == null ? "" : response.bodyAsString())
        && (status == 403 || status == 503)) {
      retryOrFail(url, conditional, attempt, "challenge", true, retryAfterMillis(response), host, promise);
    } else if (status == 429 || status >= 500) {
      retryOrFail(url, conditional, attempt, "http-" + status, true, retryAfterMillis(response), host, promise);
    } else {
      retryOrFail(url, conditional, attempt, "http-" + status, false, 0, host, promise);
    }
  }

  private void retryOrFail(String url, boolean conditional, int attempt, String reason, boolean retryable,
      long retryAfterMillis, String host, Promise<FetchResult> promise) {
    metrics.page(reason);
    if (!retryable || attempt >= config.maxRetries()) {
      LOG.warn("giving up on {} after {} attempt(s): {}", url, attempt + 1, reason);
      promise.fail(new FetchException(url, reason));
      return;
    }
    metrics.retry();
    long delay = Math.max(retryAfterMillis, backoffMillis(attempt));
    if (retryAfterMillis > 0 || "challenge".equals(reason) || reason.equals("http-429")) {
      limiter(host).pauseFor(delay); // the host asked us to slow down: every request waits, not only this one
    }
    LOG.debug("retrying {} in {} ms ({}; attempt {})", url, delay, reason, attempt + 1);
    vertx.setTimer(Math.max(1, delay), t -> attempt(url, conditional, attempt + 1, host, promise));
  }

  /** The project's one backoff: the {@code attempt+1}-th consecutive failure of this fetch. */
  long backoffMillis(int attempt) {
    long base = Math.max(1, config.backoffBase().toMillis());
    return Backoff.delayMillis(base, Math.max(base, config.backoffMax().toMillis()), attempt + 1);
  }

  /** The absolute target of a redirect, or null when the header is not a URI reference. */
  static String resolveLocation(String url, String location) {
    try {
      URI target = URI.create(url).resolve(location.strip());
      return target.getScheme() == null || target.getRawAuthority() == null ? null : target.toString();
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** No Content-Type is given the benefit of the doubt; otherwise HTML only. */
  static boolean isHtml(String contentType) {
    if (contentType == null || contentType.isBlank()) {
      return true;
    }
    String type = contentType.toLowerCase(java.util.Locale.ROOT);
    return type.startsWith("text/html") || type.startsWith("application/xhtml+xml");
  }

  /** The page's declared charset (the forum serves UTF-8; anything else is decoded as declared, not garbled). */
  static java.nio.charset.Charset charsetOf(String contentType) {
    if (contentType != null) {
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("charset=\"?([A-Za-z0-9._:-]+)")
          .matcher(contentType);
      if (m.find()) {
        try {
          return java.nio.charset.Charset.forName(m.group(1));
        } catch (RuntimeException e) {
          LOG.warn("unknown charset '{}' in Content-Type '{}': decoding as UTF-8", m.group(1), contentType);
        }
      }
    }
    return StandardCharsets.UTF_8;
  }

  static long retryAfterMillis(HttpResponse<?> response) {
    String value = response.getHeader("Retry-After");
    if (value == null) {
      return 0;
    }
    try {
      return Math.min(300_000, Long.parseLong(value.strip()) * 1000);
    } catch (NumberFormatException e) {
      return 5_000; // an HTTP-date: rare here; a modest pause is the polite reading
    }
  }

  private synchronized RateLimiter limiter(String host) {
    return limiters.computeIfAbsent(host, h -> new RateLimiter(vertx, config.rate()));
  }

  private synchronized String[] validator(String url) {
    return validators.get(url);
  }

  private synchronized void remember(String url, String etag, String lastModified) {
    if (etag != null || lastModified != null) {
      validators.put(url, new String[] {etag, lastModified});
    }
  }

  /** Forget a URL's validators, so the next fetch gets the whole page (e.g. after a parse failure). */
  public synchronized void forgetValidators(String url) {
    validators.remove(url);
  }

  public Future<Void> close() {
    client.close();
    return Future.succeededFuture();
  }
}
