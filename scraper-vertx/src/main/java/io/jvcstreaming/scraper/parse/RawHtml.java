package io.jvcstreaming.scraper.parse;

import org.jsoup.nodes.Element;

/** Checks on the raw page text, where the tolerant DOM hides truncation. */
final class RawHtml {

  static final String SITE = "https://www.jeuxvideo.com/";

  private RawHtml() {
  }

  static String baseUri(String pageUrl) {
    return pageUrl == null || pageUrl.isBlank() ? SITE : pageUrl;
  }

  /** True if a closing {@code </html} occurs at or after {@code from}. */
  static boolean closesHtmlAfter(String html, int from) {
    int i = html.lastIndexOf("</html");
    if (i < 0) {
      i = lastIndexOfIgnoreCase(html, "</html");
    }
    return i >= Math.max(0, from);
  }

  private static int lastIndexOfIgnoreCase(String s, String needle) {
    for (int i = s.length() - needle.length(); i >= 0; i--) {
      if (asciiMatchesIgnoreCase(s, i, needle)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * True if {@code s} holds {@code needle} (ASCII) at {@code at}, ASCII case ignored: HTML's own rule for tag names,
   * and one that gives the same answer on a {@link PageText#structure()} as on the decoded page (Java's
   * {@code regionMatches(true, …)} also takes {@code İ} and {@code ı} for {@code i}).
   */
  private static boolean asciiMatchesIgnoreCase(String s, int at, String needle) {
    if (at < 0 || at + needle.length() > s.length()) {
      return false;
    }
    for (int k = 0; k < needle.length(); k++) {
      if (asciiLower(s.charAt(at + k)) != asciiLower(needle.charAt(k))) {
        return false;
      }
    }
    return true;
  }

  /** HTML's ASCII whitespace (tab, line feed, form feed, carriage return, space). */
  static boolean isAsciiWhitespace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
  }

  private static char asciiLower(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
  }

  private static boolean isAsciiLetterOrDigit(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
  }

  /**
   * Start of the tag that carries {@code marker} inside its attributes (e.g. {@code id="listMessages"}), searching
   * from the start ({@code last=false}) or the end; -1 if none.
   */
  static int tagStartOf(String html, String marker, boolean last) {
    int at = last ? html.lastIndexOf(marker) : html.indexOf(marker);
    while (at >= 0) {
      int lt = html.lastIndexOf('<', at);
      int gt = html.lastIndexOf('>', at);
      if (lt >= 0 && lt > gt) {
        return lt;
      }
      at = last ? html.lastIndexOf(marker, at - 1) : html.indexOf(marker, at + 1);
    }
    return -1;
  }

  /**
   * True if the element whose start tag begins at {@code tagStart} is closed in the raw text: counting start and
   * end tags of the same name, the depth gets back to zero before the end of the text.
   */
  static boolean elementClosed(String html, int tagStart) {
    int n = html.length();
    int nameStart = tagStart + 1;
    int nameEnd = nameStart;
    while (nameEnd < n && isAsciiLetterOrDigit(html.charAt(nameEnd))) {
      nameEnd++;
    }
    if (nameEnd == nameStart) {
      return false;
    }
    String name = html.substring(nameStart, nameEnd);
    int depth = 0;
    int i = tagStart;
    while (i >= 0 && i < n) {
      if (html.startsWith("<!--", i)) {
        int end = html.indexOf("-->", i + 4);
        if (end < 0) {
          return false;
        }
        i = html.indexOf('<', end + 3);
        continue;
      }
      if (i + 1 < n && html.charAt(i + 1) == '/') {
        if (tagNameAt(html, i + 2, name)) {
          depth--;
          if (depth <= 0) {
            return html.indexOf('>', i) >= 0;
          }
        }
      } else if (tagNameAt(html, i + 1, name)) {
        depth++;
      }
      i = html.indexOf('<', i + 1);
    }
    return false;
  }

  private static boolean tagNameAt(String html, int at, String name) {
    int end = at + name.length();
    if (end >= html.length() || !asciiMatchesIgnoreCase(html, at, name)) {
      return false;
    }
    char c = html.charAt(end);
    return c == '>' || c == '/' || isAsciiWhitespace(c);
  }

  /** True if some element follows {@code el} in document order outside of it (below {@code body}). */
  static boolean hasFollowingElement(Element el) {
    for (Element e = el; e != null && !e.nameIs("body") && !e.nameIs("html"); e = e.parent()) {
      if (e.nextElementSibling() != null) {
        return true;
      }
    }
    return false;
  }

  /** The reason to give for a page without any of the expected markup. */
  static String missingMarkupReason(String html, String whatIsMissing) {
    if (ChallengeDetector.hasCloudflareMarker(html) && !ChallengeDetector.hasForumMarker(html)) {
      return "challenge page";
    }
    if (!closesHtmlAfter(html, 0)) {
      return "truncated html";
    }
    return whatIsMissing;
  }
}
