package io.jvcstreaming.scraper.source;

import io.jvcstreaming.scraper.parse.ChallengeDetector;
import io.jvcstreaming.scraper.parse.PageText;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one HTTP answer from the forum means (the status ladder), decided without I/O: a page, a 304, a redirect
 * to follow, a topic gone, or a failure with its reason and whether trying again can help. {@link ForumHttpClient}
 * sends the request and acts on the {@link Verdict}; {@link RetryDecision} says when to try again.
 */
final class ResponseClassifier {

  private static final Logger LOG = LoggerFactory.getLogger(ResponseClassifier.class);
  private static final Pattern CHARSET = Pattern.compile("charset=\"?([A-Za-z0-9._:-]+)");

  private ResponseClassifier() {
  }

  /**
   * A fetch's answer: {@code result} when the fetch is over with a usable answer, else a failure {@code reason}
   * (also the pages-fetched metric label), whether it is {@code retryable}, the pause the host asked for
   * ({@code Retry-After}, 0 if none) and a {@code warning} worth logging (null if none).
   */
  record Verdict(FetchResult result, String reason, boolean retryable, long retryAfterMillis, String warning) {

    static Verdict done(FetchResult result) {
      return new Verdict(result, null, false, 0, null);
    }

    static Verdict failed(String reason, boolean retryable, long retryAfterMillis) {
      return new Verdict(null, reason, retryable, retryAfterMillis, null);
    }

    boolean isDone() {
      return result != null;
    }
  }

  /**
   * Classifies an answer.
   *
   * @param header a response header by name (null when absent)
   * @param body   the body read as that charset ({@link PageText#read}; "" when there is none), only called when the
   *               verdict needs it
   */
  static Verdict classify(String url, int status, Function<String, String> header, Function<Charset, String> body) {
    String cfMitigated = header.apply("cf-mitigated");
    if (status == 200) {
      String contentType = header.apply("Content-Type");
      if (!isHtml(contentType)) {
        // a JSON error, an image, a file download: not a forum page whatever its body says
        return Verdict.failed("wrong-content-type", false, 0);
      }
      PageText page = PageText.read(charsetOf(contentType), body);
      if (ChallengeDetector.isChallenge(status, cfMitigated, page.structure())) { // its markers are ASCII
        return Verdict.failed("challenge", true, 0);
      }
      return Verdict.done(new FetchResult(FetchResult.Outcome.OK, status, url, page, null));
    } else if (status == 304) {
      return Verdict.done(new FetchResult(FetchResult.Outcome.NOT_MODIFIED, status, url, null, null));
    } else if (status >= 300 && status < 400 && header.apply("Location") != null) {
      String raw = header.apply("Location");
      String location = resolveLocation(url, raw);
      if (location == null) {
        return new Verdict(null, "bad-location", false, 0, url + " redirected (" + status
            + ") to a malformed Location '" + (raw.length() > 200 ? raw.substring(0, 200) + "…" : raw)
            + "': not followed");
      }
      return Verdict.done(new FetchResult(FetchResult.Outcome.REDIRECT, status, url, null, location));
    } else if (status == 404 || status == 410) {
      return Verdict.done(new FetchResult(FetchResult.Outcome.GONE, status, url, null, null));
    } else if (status == 403 && cfMitigated != null
        || ChallengeDetector.isChallenge(status, cfMitigated, body.apply(StandardCharsets.UTF_8))
        && (status == 403 || status == 503)) {
      return Verdict.failed("challenge", true, retryAfterMillis(header.apply("Retry-After")));
    } else if (status == 429 || status >= 500) {
      return Verdict.failed("http-" + status, true, retryAfterMillis(header.apply("Retry-After")));
    }
    return Verdict.failed("http-" + status, false, 0);
  }

  /** A request that got no answer: an oversized body will be oversized again, so it is not retried. */
  static Verdict noAnswer(Throwable e) {
    if (e instanceof BoundedBody.BodyTooLargeException) {
      return Verdict.failed("body-too-large", false, 0);
    }
    boolean timeout = e instanceof TimeoutException
        || String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("timeout");
    return Verdict.failed(timeout ? "timeout" : "connection", true, 0);
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
    String type = contentType.toLowerCase(Locale.ROOT);
    return type.startsWith("text/html") || type.startsWith("application/xhtml+xml");
  }

  /** The page's declared charset (the forum serves UTF-8; anything else is decoded as declared, not garbled). */
  static Charset charsetOf(String contentType) {
    if (contentType != null) {
      Matcher m = CHARSET.matcher(contentType);
      if (m.find()) {
        try {
          return Charset.forName(m.group(1));
        } catch (RuntimeException e) {
          LOG.warn("unknown charset '{}' in Content-Type '{}': decoding as UTF-8", m.group(1), contentType);
        }
      }
    }
    return StandardCharsets.UTF_8;
  }

  /** Retry-After in seconds, capped at 5 minutes; 0 when absent. */
  static long retryAfterMillis(String value) {
    if (value == null) {
      return 0;
    }
    try {
      return Math.min(300_000, Long.parseLong(value.strip()) * 1000);
    } catch (NumberFormatException e) {
      return 5_000; // an HTTP-date: rare here; a modest pause is the polite reading
    }
  }
}
