package io.jvcstreaming.scraper.source;

/** A fetch that failed for good (retries exhausted or a non-retryable answer); the topic is retried later. */
final class FetchException extends RuntimeException {

  private static final long serialVersionUID = 1L;
  private final String reason;

  FetchException(String url, String reason) {
    super(reason + " for " + url, null, false, false);
    this.reason = reason;
  }

  /** A short label: "challenge", "http-503", "timeout", "body-too-large", … */
  public String reason() {
    return reason;
  }
}
