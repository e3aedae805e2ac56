package io.jvcstreaming.scraper.source;

import io.jvcstreaming.scraper.parse.PageText;

/**
 * What a page fetch gave, once retries are over.
 *
 * @param outcome  the classification that drives the pipeline
 * @param status   HTTP status (0 when none)
 * @param url      the requested URL
 * @param body     the page for {@link Outcome#OK}, else null
 * @param location the absolute redirect target for {@link Outcome#REDIRECT}, else null
 */
record FetchResult(Outcome outcome, int status, String url, PageText body, String location) {

  /** How a fetch ended; also the label of the pages-fetched metric. */
  public enum Outcome {
    OK("ok"), NOT_MODIFIED("not_modified"), REDIRECT("redirect"), GONE("gone");

    private final String label;

    Outcome(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }
}
