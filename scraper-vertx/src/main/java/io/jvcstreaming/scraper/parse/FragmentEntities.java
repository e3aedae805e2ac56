package io.jvcstreaming.scraper.parse;

import org.jsoup.nodes.Entities;

/**
 * Character references of a payload fragment, decoded as jsoup's tokeniser decodes them, for the forms whose
 * decoding is unambiguous: {@code &name;} with a known name, {@code &#digits;} / {@code &#xhex;} of an ordinary
 * code point, and a bare {@code &} before whitespace, {@code <} or {@code &}. Every other form (no semicolon,
 * unknown name, control or windows-1252 code points) is refused, so the caller falls back to jsoup.
 */
final class FragmentEntities {

  /** {@link #decodeAt} answer: a form this class does not decode. */
  static final String REFUSED = null;

  private FragmentEntities() {
  }

  /**
   * A text with every reference decoded as jsoup's {@code Parser.unescapeEntities(text, false)} decodes it, or
   * {@link #REFUSED} if one is of a form this class does not decode (or the text holds CR or NUL, which jsoup's
   * reader may treat apart).
   */
  static String decodeText(String s) {
    if (s.indexOf('\r') >= 0 || s.indexOf('\0') >= 0) {
      return REFUSED;
    }
    int amp = s.indexOf('&');
    if (amp < 0) {
      return s;
    }
    StringBuilder sb = new StringBuilder(s.length());
    int[] end = new int[1];
    int i = 0;
    while (amp >= 0) {
      String decoded = decodeAt(s, amp, end);
      if (decoded == REFUSED) {
        return REFUSED;
      }
      sb.append(s, i, amp).append(decoded);
      i = end[0];
      amp = s.indexOf('&', i);
    }
    return sb.append(s, i, s.length()).toString();
  }

  /**
   * The text of the reference starting with the {@code &} at {@code at}, or {@link #REFUSED}; when decoded,
   * {@code end[0]} is set to the index just after the reference (the caller owns the array).
   */
  static String decodeAt(String s, int at, int[] end) {
    int n = s.length();
    int i = at + 1;
    if (i >= n || isRefTerminator(s.charAt(i))) {
      end[0] = i;
      return "&";
    }
    char c = s.charAt(i);
    if (c == '#') {
      return numeric(s, i + 1, end);
    }
    int nameStart = i;
    while (i < n && isAsciiLetter(s.charAt(i))) {
      i++;
    }
    while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
      i++;
    }
    if (i == nameStart || i >= n || s.charAt(i) != ';') {
      return REFUSED;
    }
    String common = common(s, nameStart, i);
    if (common != null) {
      end[0] = i + 1;
      return common;
    }
    String name = s.substring(nameStart, i);
    if (!Entities.isNamedEntity(name)) {
      return REFUSED;
    }
    end[0] = i + 1;
    return Entities.getByName(name);
  }

  /**
   * The names a French forum's fragments use most, with jsoup's own values for them: found in place, where jsoup's
   * lookup is a substring and two binary searches of its 2 000 names (a third of a fragment's scan, profile in
   * BENCHMARKS.md). Null for any other name, which jsoup then looks up.
   */
  private static String common(String s, int from, int to) {
    for (int k = 0; k < COMMON_NAMES.length; k++) {
      String name = COMMON_NAMES[k];
      if (name.length() == to - from && s.startsWith(name, from)) {
        return COMMON_VALUES[k];
      }
    }
    return null;
  }

  /** Most frequent first (the simulator's fragments, which follow the spec's samples). */
  private static final String[] COMMON_NAMES = {
      "eacute", "agrave", "egrave", "quot", "Ccedil", "nbsp", "ecirc", "lt", "amp", "ccedil", "gt", "ocirc", "euro",
      "ugrave", "oelig", "Eacute", "apos", "acirc", "icirc", "ucirc", "iuml", "euml", "laquo", "raquo", "hellip"};
  private static final String[] COMMON_VALUES = new String[COMMON_NAMES.length];

  static {
    for (int k = 0; k < COMMON_NAMES.length; k++) {
      COMMON_VALUES[k] = Entities.getByName(COMMON_NAMES[k]);
    }
  }

  private static String numeric(String s, int from, int[] end) {
    int n = s.length();
    int i = from;
    int radix = 10;
    if (i < n && (s.charAt(i) == 'x' || s.charAt(i) == 'X')) {
      radix = 16;
      i++;
    }
    int digits = i;
    int value = 0;
    while (i < n && i - digits < 7 && Character.digit(s.charAt(i), radix) >= 0 && s.charAt(i) < 128) {
      value = value * radix + Character.digit(s.charAt(i), radix);
      i++;
    }
    if (i == digits || i >= n || s.charAt(i) != ';' || !ordinary(value)) {
      return REFUSED;
    }
    end[0] = i + 1;
    return new String(Character.toChars(value));
  }

  /**
   * Code points jsoup passes through unchanged: not NUL or other controls (which the tree builder drops or
   * jsoup maps), not the windows-1252 range 0x80-0x9F it remaps, not surrogates, not beyond Unicode.
   */
  private static boolean ordinary(int cp) {
    return cp == '\t' || cp == '\n' || cp == '\f' || (cp >= 0x20 && cp < 0x7f)
        || (cp >= 0xa0 && cp < 0xd800) || (cp > 0xdfff && cp <= 0x10ffff);
  }

  /** After a bare {@code &}: jsoup keeps the ampersand as text. */
  private static boolean isRefTerminator(char c) {
    return c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == ' ' || c == '<' || c == '&';
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }
}
