package io.jvcstreaming.scraper.parse;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.function.Function;

/**
 * A fetched page, decoded only when a reader needs its text. Most topic pages are read from their embedded payload
 * ({@link TopicPageParser}), which needs nothing of the page but ASCII: the payload's base64 literal, the message
 * container's tags, the message ids. For a page in UTF-8 (or another charset in which a byte below 0x80 is always
 * that ASCII character) those are read from {@link #structure()}, the page's bytes one char each (ISO-8859-1): one
 * copy of the bytes, a byte per char, where decoding the UTF-8 of a French page gives a two-byte-per-char string
 * through three buffers (a third of a crawl's allocations, JFR). A byte of a multi-byte character shows there as
 * a char at or above 0x80, which no ASCII search can match. {@link #text()} is the page decoded as its charset says.
 * A page is read by one thread at a time (made on the event loop, handed to a worker to parse), so the decoded text
 * is kept without locking.
 */
public final class PageText {

  private final String structure;
  private final Charset charset;
  private String text;

  private PageText(String structure, Charset charset, String text) {
    this.structure = structure;
    this.charset = charset;
    this.text = text;
  }

  /** A page already decoded (tests, a page read from a file). */
  public static PageText of(String text) {
    Objects.requireNonNull(text, "text");
    return new PageText(text, null, text);
  }

  /**
   * A page whose body {@code decoder} gives in the charset it is asked for: as ISO-8859-1 when {@code charset} keeps
   * ASCII as single bytes, decoded at once otherwise.
   */
  public static PageText read(Charset charset, Function<Charset, String> decoder) {
    if (keepsAsciiBytes(charset)) {
      return new PageText(decoder.apply(StandardCharsets.ISO_8859_1), charset, null);
    }
    return of(decoder.apply(charset));
  }

  /** Charsets in which every byte below 0x80 is that ASCII character, even inside a multi-byte character. */
  static boolean keepsAsciiBytes(Charset charset) {
    return charset.equals(StandardCharsets.UTF_8) || charset.equals(StandardCharsets.ISO_8859_1)
        || charset.equals(StandardCharsets.US_ASCII);
  }

  /** The page as chars in which every ASCII character is the page's own; only for searches of ASCII text. */
  public String structure() {
    return structure;
  }

  /** The page decoded as its charset says (decoded on the first call, kept). */
  public String text() {
    if (text == null) {
      text = charset.equals(StandardCharsets.ISO_8859_1) ? structure
          : new String(structure.getBytes(StandardCharsets.ISO_8859_1), charset);
    }
    return text;
  }
}
