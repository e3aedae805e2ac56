package io.jvcstreaming.scraper.source;

/**
 * Whether a failed fetch is tried again, after how long, and whether the whole host slows down: a host that
 * asked us to (429, Retry-After, a challenge page) makes every request wait, not only this one. Pure.
 *
 * @param giveUp      no more attempts: the fetch fails with the verdict's reason
 * @param delayMillis the wait before the next attempt
 * @param pauseHost   push every later request to this host back by {@code delayMillis}
 */
record RetryDecision(boolean giveUp, long delayMillis, boolean pauseHost) {

  static final RetryDecision GIVE_UP = new RetryDecision(true, 0, false);

  /**
   * @param attempt       attempts made so far minus one (0 after the first)
   * @param backoffMillis the project's backoff for this attempt (the wait when the host named none)
   */
  static RetryDecision after(ResponseClassifier.Verdict failure, int attempt, int maxRetries, long backoffMillis) {
    if (!failure.retryable() || attempt >= maxRetries) {
      return GIVE_UP;
    }
    long retryAfter = failure.retryAfterMillis();
    boolean slowDown = retryAfter > 0 || "challenge".equals(failure.reason()) || "http-429".equals(failure.reason());
    return new RetryDecision(false, Math.max(retryAfter, backoffMillis), slowDown);
  }

  /**
   * A page that failed to parse: read again only when it was cut short ({@code truncated html}, {@code truncated
   * payload}: the connection's doing, a second read usually comes whole), up to {@code maxRetries} times. Other
   * parse failures come from the markup and would fail again: the crawl fails, and the topic is retried later.
   */
  static RetryDecision afterParseFailure(String reason, int attempt, int maxRetries, long backoffMillis) {
    if (!reason.startsWith("truncated") || attempt >= maxRetries) {
      return GIVE_UP;
    }
    return new RetryDecision(false, backoffMillis, false);
  }
}
