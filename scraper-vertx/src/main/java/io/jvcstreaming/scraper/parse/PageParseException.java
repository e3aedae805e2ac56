package io.jvcstreaming.scraper.parse;

import java.util.Objects;

/**
 * A page that cannot be turned into rows or posts: challenge page, truncated download, unrelated page, changed
 * markup. The {@link #reason()} is short and stable enough to be logged and counted ("challenge page",
 * "truncated html", "no #listMessages", ...).
 */
public final class PageParseException extends Exception {

  private static final long serialVersionUID = 1L;

  private final String reason;

  public PageParseException(String reason) {
    super(Objects.requireNonNull(reason, "reason"));
    this.reason = reason;
  }

  public PageParseException(String reason, Throwable cause) {
    super(Objects.requireNonNull(reason, "reason"), cause);
    this.reason = reason;
  }

  /** The short reason, e.g. {@code "truncated html"}. */
  public String reason() {
    return reason;
  }
}
