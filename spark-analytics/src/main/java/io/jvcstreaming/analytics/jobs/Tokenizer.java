package io.jvcstreaming.analytics.jobs;

import java.io.Serializable;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits a post's own text into counted words.
 *
 * <ul>
 *   <li>URLs ({@code http://…}, {@code https://…}, {@code www.…}) and sticker codes ({@code [[sticker:p/1kki]]},
 *       smiley codes such as {@code :noel:}) are removed first.</li>
 *   <li>A word is a run of Unicode letters (accents kept, text normalised to NFC; combining marks stay with
 *       their letter); a hyphen between two letters joins ({@code peut-être}). Everything else separates:
 *       punctuation, apostrophes ({@code l'homme} gives {@code homme}), digits, emoji, spaces.</li>
 *   <li>Words are lower-cased ({@link Locale#ROOT}); a word counts when it has at least {@code minLetters}
 *       letters and is not a stop word.</li>
 * </ul>
 * Immutable and thread-safe.
 */
public final class Tokenizer implements Serializable {

  private static final long serialVersionUID = 1L;
  // What the scanners below remove, as regexes (each match becomes one space): URLs
  // "(?i)(?:https?://|www\\.)\\S+", codes "\\[\\[sticker:[^\\]\\s]*\\]\\]|:[\\p{L}\\p{N}_-]+:". Scanned by hand:
  // Matcher.replaceAll was half of the tokenizer's time on posts that hold a URL or a code.

  private final int minLetters;
  private final Set<String> stopWords;

  public Tokenizer(int minLetters, Set<String> stopWords) {
    if (minLetters < 1) {
      throw new IllegalArgumentException("minLetters must be >= 1, got " + minLetters);
    }
    this.minLetters = minLetters;
    this.stopWords = Set.copyOf(stopWords);
  }

  public List<String> words(String text) {
    List<String> words = new ArrayList<>();
    if (text == null || text.isEmpty()) {
      return words;
    }
    // Below U+0300 every character is stable under NFC (the first combining mark is U+0300): most posts are, and
    // skipping the normaliser's copy of every text is the largest single saving of the words job.
    String s = needsNormalizing(text) ? Normalizer.normalize(text, Normalizer.Form.NFC) : text;
    // The guards skip a scan that cannot match (a URL needs "://" or "www.", a code ':'): most posts hold neither.
    if (mayHoldUrl(s)) {
      s = removeUrls(s);
    }
    if (s.indexOf(':') >= 0) {
      s = removeCodes(s);
    }
    // A word (letters, marks after a letter, single inner hyphens) is always a contiguous run of s: it is tracked
    // by its start index and cut out only when long enough, instead of copying every character into a builder
    // (most runs are shorter than minLetters). ASCII, most of the text, skips Character's tables.
    int start = -1;
    int letters = 0;
    int n = s.length();
    for (int i = 0; i < n; ) {
      char c = s.charAt(i);
      int cp = Character.isHighSurrogate(c) ? s.codePointAt(i) : c;
      int len = cp == c ? 1 : Character.charCount(cp);
      if (isLetter(cp)) {
        if (letters++ == 0) {
          start = i;
        }
      } else if (letters > 0 && (cp == '-' ? s.charAt(i - 1) != '-' && i + 1 < n && isLetter(s.codePointAt(i + 1))
          : cp >= 0x80 && isMark(cp))) {
        // a mark after a letter, or one hyphen followed by a letter: part of the word
      } else {
        letters = flush(s, start, i, letters, words);
      }
      i += len;
    }
    flush(s, start, n, letters, words);
    return words;
  }

  private int flush(String s, int start, int end, int letters, List<String> out) {
    if (letters >= minLetters) {
      String w = s.substring(start, end).toLowerCase(Locale.ROOT);
      if (!stopWords.contains(w)) {
        out.add(w);
      }
    }
    return 0;
  }

  private static boolean isLetter(int cp) {
    return cp < 0x80 ? (char) ((cp | 0x20) - 'a') < 26 : Character.isLetter(cp);
  }

  private static boolean needsNormalizing(String s) {
    for (int i = 0, n = s.length(); i < n; i++) {
      if (s.charAt(i) >= '\u0300') {
        return !Normalizer.isNormalized(s, Normalizer.Form.NFC);
      }
    }
    return false;
  }

  /** True when {@link #URL} may match: the text holds {@code ://} or, in any case, {@code www.}. */
  private static boolean mayHoldUrl(String s) {
    if (s.contains("://")) {
      return true;
    }
    for (int dot = s.indexOf('.', 3); dot >= 0; dot = s.indexOf('.', dot + 1)) {
      if (s.regionMatches(true, dot - 3, "www", 0, 3)) {
        return true;
      }
    }
    return false;
  }

  /** {@code s} with every match of {@code (?i)(?:https?://|www\.)\S+} replaced by one space. */
  static String removeUrls(String s) {
    StringBuilder out = null;
    int copied = 0;
    int n = s.length();
    for (int i = 0; i < n; i++) {
      int body = urlBody(s, i);
      if (body > 0 && body < n && !isRegexSpace(s.charAt(body))) {
        int end = body + 1;
        while (end < n && !isRegexSpace(s.charAt(end))) {
          end++;
        }
        out = out == null ? new StringBuilder(n) : out;
        out.append(s, copied, i).append(' ');
        copied = end;
        i = end - 1;
      }
    }
    return out == null ? s : out.append(s, copied, n).toString();
  }

  /** Where the URL's body starts when {@code http://}, {@code https://} or {@code www.} (ASCII, any case) is at i. */
  private static int urlBody(String s, int i) {
    char c = s.charAt(i);
    if ((c | 0x20) == 'w') {
      return asciiIgnoreCase(s, i, "www.") ? i + 4 : -1;
    }
    if ((c | 0x20) != 'h' || !asciiIgnoreCase(s, i, "http")) {
      return -1;
    }
    int j = i + 4 < s.length() && (s.charAt(i + 4) | 0x20) == 's' ? i + 5 : i + 4;
    return s.startsWith("://", j) ? j + 3 : -1;
  }

  /** {@code lower} (lower-case ASCII) at i in s, ASCII letters in any case, as the regex flag (?i) compares. */
  private static boolean asciiIgnoreCase(String s, int i, String lower) {
    if (i + lower.length() > s.length()) {
      return false;
    }
    for (int k = 0; k < lower.length(); k++) {
      char c = s.charAt(i + k);
      char l = lower.charAt(k);
      if (c != l && !(l >= 'a' && l <= 'z' && c == l - 32)) {
        return false;
      }
    }
    return true;
  }

  /** {@code s} with every match of {@code \[\[sticker:[^\]\s]*\]\]|:[\p{L}\p{N}_-]+:} replaced by one space. */
  static String removeCodes(String s) {
    StringBuilder out = null;
    int copied = 0;
    int n = s.length();
    for (int i = 0; i < n; i++) {
      int end = codeEnd(s, i);
      if (end > 0) {
        out = out == null ? new StringBuilder(n) : out;
        out.append(s, copied, i).append(' ');
        copied = end;
        i = end - 1;
      }
    }
    return out == null ? s : out.append(s, copied, n).toString();
  }

  /** The end of the sticker or smiley code starting at i, or -1. */
  private static int codeEnd(String s, int i) {
    int n = s.length();
    char c = s.charAt(i);
    if (c == '[' && s.startsWith("[[sticker:", i)) {
      int j = i + 10;
      while (j < n && s.charAt(j) != ']' && !isRegexSpace(s.charAt(j))) {
        j++;
      }
      return s.startsWith("]]", j) ? j + 2 : -1;
    }
    if (c != ':') {
      return -1;
    }
    int j = i + 1;
    while (j < n) {
      int cp = s.codePointAt(j);
      if (!isCodeChar(cp)) {
        break;
      }
      j += Character.charCount(cp);
    }
    return j > i + 1 && j < n && s.charAt(j) == ':' ? j + 1 : -1;
  }

  /** {@code [\p{L}\p{N}_-]}. */
  private static boolean isCodeChar(int cp) {
    if (cp < 0x80) {
      return (char) ((cp | 0x20) - 'a') < 26 || (cp >= '0' && cp <= '9') || cp == '_' || cp == '-';
    }
    if (Character.isLetter(cp)) {
      return true;
    }
    int type = Character.getType(cp);
    return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
        || type == Character.OTHER_NUMBER;
  }

  /** The regex {@code \s} (not Unicode white space): space, tab, newline, vertical tab, form feed, return. */
  private static boolean isRegexSpace(char c) {
    return c == ' ' || (c >= '\t' && c <= '\r');
  }

  private static boolean isMark(int cp) {
    int type = Character.getType(cp);
    return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
        || type == Character.ENCLOSING_MARK;
  }
}
