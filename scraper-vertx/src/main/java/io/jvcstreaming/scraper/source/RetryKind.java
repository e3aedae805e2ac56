package io.jvcstreaming.scraper.source;

/**
 * The {@code kind} label of {@code jvc_fetch_retries_total}: why something is tried again, in a few values a
 * dashboard can stack. HTTP retries ({@link ForumHttpClient}) by the failed attempt's reason; topic retries
 * ({@link TopicFetchVerticle}, a topic that failed as a whole and is queued again) by what failed it. Pure.
 */
final class RetryKind {

  /** A page cut short: read again at once ({@link TopicPages}), or its topic queued again once those ran out. */
  static final String CUT_PAGE = "cut-page";

  private RetryKind() {
  }

  /** An HTTP attempt's failure reason ({@code http-503}, {@code challenge}, {@code timeout}, ...). */
  static String ofAttempt(String reason) {
    return switch (reason) {
      case "http-503" -> "503";
      case "http-429" -> "429";
      case "challenge" -> "challenge";
      case "timeout" -> "timeout";
      case "connection" -> "connection";
      default -> reason.startsWith("http-5") ? "5xx" : "other";
    };
  }

  /**
   * A topic's failure: a page cut short ({@code truncated html}, {@code truncated payload}), another parse
   * failure, a fetch whose HTTP retries were used up, or anything else.
   */
  static String ofTopic(Throwable cause) {
    if (cause instanceof io.jvcstreaming.scraper.parse.PageParseException p) {
      return p.reason().startsWith("truncated") ? CUT_PAGE : "parse-error";
    }
    return cause instanceof FetchException ? "fetch-failed" : "other";
  }
}
