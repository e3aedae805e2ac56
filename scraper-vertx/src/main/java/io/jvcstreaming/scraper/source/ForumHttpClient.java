package io.jvcstreaming.scraper.source;

import io.jvcstreaming.retry.Backoff;
import io.jvcstreaming.scraper.config.ScraperConfig;
import io.jvcstreaming.scraper.metrics.ScraperMetrics;
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
import java.util.LinkedHashMap;
import java.util.Map;
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
  private static final int MAX_CHUNK_BYTES = 64 * 1024;

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
    // A body chunk per socket read (Netty reads up to 64 KiB), not per 8 KiB: a page comes in one or two chunks,
    // each a heap copy and a trip through the response's handlers (-5 % CPU-s per crawl, BENCHMARKS.md step 10)
    options.setMaxChunkSize(MAX_CHUNK_BYTES);
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
  Future<FetchResult> get(String url, boolean conditional) {
    String host;
    try {
      host = URI.create(url).getRawAuthority();
    } catch (IllegalArgumentException e) {
      // a URL built from a page's link or a redirect: refused as a fetch failure, never thrown at the caller
      metrics.page("bad-url");
      LOG.warn("not fetching {}: not a valid URL ({})", url, e.getMessage());
      return Future.failedFuture(new FetchException(url, "bad-url"));
    }
    return new Fetch(url, conditional, host).attempt();
  }

  /** One fetch and its retries: the request is sent here, {@link ResponseClassifier} and {@link RetryDecision} decide. */
  private final class Fetch {
    private final String url;
    private final boolean conditional;
    private final String host;
    private final Promise<FetchResult> promise = Promise.promise();
    private int attempt;

    Fetch(String url, boolean conditional, String host) {
      this.url = url;
      this.conditional = conditional;
      this.host = host;
    }

    Future<FetchResult> attempt() {
      slot(host).onComplete(slot -> send());
      return promise.future();
    }

    private void send() {
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
        if (ar.failed()) {
          metrics.noAnswer();
          settle(ResponseClassifier.noAnswer(ar.cause()), null);
          return;
        }
        HttpResponse<Buffer> response = ar.result();
        try {
          Buffer body = response.body();
          metrics.response(response.statusCode(), body == null ? 0 : body.length());
          settle(ResponseClassifier.classify(url, response.statusCode(), response::getHeader,
              cs -> body == null ? "" : body.toString(cs)), response);
        } catch (RuntimeException e) {
          // whatever an answer holds, the promise completes: a fetch that never ends stalls a topic or a round
          metrics.page("bad-response");
          LOG.warn("answer from {} could not be read: {}", url, e.toString());
          promise.tryFail(new FetchException(url, "bad-response"));
        }
      });
    }

    private void settle(ResponseClassifier.Verdict verdict, HttpResponse<Buffer> response) {
      if (verdict.isDone()) {
        FetchResult result = verdict.result();
        if (result.outcome() == FetchResult.Outcome.OK) {
          remember(url, response.getHeader("ETag"), response.getHeader("Last-Modified"));
        }
        metrics.page(result.outcome().label());
        promise.complete(result);
        return;
      }
      if (verdict.warning() != null) {
        LOG.warn(verdict.warning());
      }
      metrics.page(verdict.reason());
      RetryDecision retry = RetryDecision.after(verdict, attempt, config.maxRetries(), backoffMillis(attempt));
      if (retry.giveUp()) {
        LOG.warn("giving up on {} after {} attempt(s): {}", url, attempt + 1, verdict.reason());
        promise.fail(new FetchException(url, verdict.reason()));
        return;
      }
      metrics.retry(RetryKind.ofAttempt(verdict.reason()));
      if (retry.pauseHost()) {
        limiter(host).pauseFor(retry.delayMillis());
        if ("challenge".equals(verdict.reason())) {
          metrics.challengeBackoff(retry.delayMillis());
        }
      }
      LOG.debug("retrying {} in {} ms ({}; attempt {})", url, retry.delayMillis(), verdict.reason(), attempt + 1);
      attempt++;
      vertx.setTimer(Math.max(1, retry.delayMillis()), t -> attempt());
    }
  }

  /** The project's one backoff: the {@code attempt+1}-th consecutive failure of this fetch. */
  long backoffMillis(int attempt) {
    long base = Math.max(1, config.backoffBase().toMillis());
    return Backoff.delayMillis(base, Math.max(base, config.backoffMax().toMillis()), attempt + 1);
  }

  /** Completes when the host's next request slot comes (a timer, never a blocked thread). */
  private Future<Void> slot(String host) {
    long delayMillis = limiter(host).acquire();
    if (delayMillis <= 0) {
      return Future.succeededFuture();
    }
    Promise<Void> promise = Promise.promise();
    vertx.setTimer(delayMillis, t -> promise.complete());
    return promise.future();
  }

  private synchronized RateLimiter limiter(String host) {
    return limiters.computeIfAbsent(host, h -> new RateLimiter(config.rate(), System::nanoTime));
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
  synchronized void forgetValidators(String url) {
    validators.remove(url);
  }

  public Future<Void> close() {
    client.close();
    return Future.succeededFuture();
  }
}
