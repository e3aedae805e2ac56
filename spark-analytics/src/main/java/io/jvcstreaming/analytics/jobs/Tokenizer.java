package io.jvcstreaming.analytics.jobs;

import java.io.Serializable;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

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
  private static final Pattern URL = Pattern.compile("(?i)(?:https?://|www\\.)\\S+");
  private static final Pattern STICKER = Pattern.compile("\\[\\[sticker:[^\\]\\s]*\\]\\]|:[\\p{L}\\p{N}_-]+:");

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
    // The guards only skip a regex scan that cannot match (each pattern needs "://", "www." or ':'): the regexes
    // were a third of the words job's CPU, and most posts hold neither a URL nor a code.
    if (mayHoldUrl(s)) {
      s = URL.matcher(s).replaceAll(" ");
    }
    if (s.indexOf(':') >= 0) {
      s = STICKER.matcher(s).replaceAll(" ");
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

  private static boolean isMark(int cp) {
    int type = Character.getType(cp);
    return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
        || type == Character.ENCLOSING_MARK;
  }
}
