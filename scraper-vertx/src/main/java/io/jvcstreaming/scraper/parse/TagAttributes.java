package io.jvcstreaming.scraper.parse;

import java.util.Arrays;

/**
 * The attributes of one start tag, read the way jsoup's tokeniser reads them for the forms it reads without
 * ambiguity (quoted or plain values, decodable references, ASCII names); shared by the tree-less scans of payload
 * fragments ({@link FragmentText}) and of list pages ({@link ListPageScan}), which refuse the tag (and fall back
 * to jsoup) on anything else.
 */
final class TagAttributes {

  /** Per attribute: name start, name end, value start, value end (value start -1: no value). */
  int[] spans = new int[16];
  int count;
  /** The tag ended with {@code />}. */
  boolean selfClosing;
  private final int[] end = new int[1];
  /** {@link #ampersand}'s last search: the first '&' at or after {@code ampFrom} in {@code ampSrc}, -1 if none. */
  private String ampSrc;
  private int ampFrom;
  private int nextAmp;

  /** The spans of the last tag read, as a {@link FragmentTag} keeps them. */
  int[] copy() {
    return Arrays.copyOf(spans, count * 4);
  }

  /**
   * Reads the attributes of the tag whose name ends at {@code i} up to its {@code >}; the index after it, -1 if
   * the tag is refused.
   */
  int read(String src, int i) {
    count = 0;
    selfClosing = false;
    int n = src.length();
    while (true) {
      i = skipSpaces(src, i);
      if (i >= n) {
        return -1;
      }
      char c = src.charAt(i);
      if (c == '>') {
        return i + 1;
      }
      if (c == '/') {
        if (i + 1 < n && src.charAt(i + 1) == '>') {
          selfClosing = true;
          return i + 2;
        }
        return -1;
      }
      if (c == '<' || c == '=' || c == '`') {
        return -1;
      }
      // an attribute name; a stray quote starts a junk name, as jsoup reads the forum's attribute soup
      int nameStart = i;
      i++;
      while (i < n && !isNameEnd(src.charAt(i))) {
        char d = src.charAt(i);
        if (d == '<' || d >= 128) {
          return -1;
        }
        i++;
      }
      int nameEnd = i;
      int valueStart = -1;
      int valueEnd = -1;
      i = skipSpaces(src, i);
      if (i < n && src.charAt(i) == '=') {
        i = skipSpaces(src, i + 1);
        if (i >= n) {
          return -1;
        }
        char q = src.charAt(i);
        if (q == '"' || q == '\'') {
          int close = src.indexOf(q, i + 1);
          if (close < 0) {
            return -1;
          }
          valueStart = i + 1;
          valueEnd = close;
          i = close + 1;
        } else {
          valueStart = i;
          while (i < n && !isSpace(src.charAt(i)) && src.charAt(i) != '>') {
            char d = src.charAt(i);
            if (d == '"' || d == '\'' || d == '<' || d == '=' || d == '`' || d == '&') {
              return -1;
            }
            i++;
          }
          valueEnd = i;
          if (valueEnd == valueStart) {
            return -1;
          }
        }
        if (!decodable(src, valueStart, valueEnd)) {
          return -1;
        }
      }
      if (spans.length < (count + 1) * 4) {
        spans = Arrays.copyOf(spans, spans.length * 2);
      }
      spans[count * 4] = nameStart;
      spans[count * 4 + 1] = nameEnd;
      spans[count * 4 + 2] = valueStart;
      spans[count * 4 + 3] = valueEnd;
      count++;
    }
  }

  /** Every reference in {@code [from, to)} decodes (a value with any other form is left to jsoup). */
  private boolean decodable(String src, int from, int to) {
    for (int amp = ampersand(src, from, to); amp >= 0; amp = ampersand(src, end[0], to)) {
      if (FragmentEntities.decodeAt(src, amp, end) == FragmentEntities.REFUSED || end[0] > to) {
        return false;
      }
    }
    return true;
  }

  /**
   * The first {@code &} in {@code src[from, to)}, -1 if none. The scans read a page forward, so the next {@code &}
   * found is kept for the calls after it: one search per reference over the page, where a search per attribute value
   * or text run (bounded, so a char loop) was a tenth of a list page's parse.
   */
  int ampersand(String src, int from, int to) {
    if (src != ampSrc || from < ampFrom || (nextAmp >= 0 && nextAmp < from)) {
      ampSrc = src;
      ampFrom = from;
      nextAmp = src.indexOf('&', from);
    }
    return nextAmp >= 0 && nextAmp < to ? nextAmp : -1;
  }

  /** End of an ASCII tag name ({@code [A-Za-z][A-Za-z0-9]*}) followed by whitespace, / or >; -1 otherwise. */
  static int nameEnd(String src, int from) {
    int n = src.length();
    if (from >= n || !isLetter(src.charAt(from))) {
      return -1;
    }
    int i = from + 1;
    while (i < n && (isLetter(src.charAt(i)) || (src.charAt(i) >= '0' && src.charAt(i) <= '9'))) {
      i++;
    }
    if (i >= n) {
      return -1;
    }
    char c = src.charAt(i);
    return isSpace(c) || c == '/' || c == '>' ? i : -1;
  }

  static int skipSpaces(String src, int i) {
    while (i < src.length() && isSpace(src.charAt(i))) {
      i++;
    }
    return i;
  }

  private static boolean isNameEnd(char c) {
    return isSpace(c) || c == '/' || c == '=' || c == '>';
  }

  /** HTML whitespace without CR (the scans refuse CR, which jsoup's reader normalises). */
  static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\f';
  }

  private static boolean isLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }
}
