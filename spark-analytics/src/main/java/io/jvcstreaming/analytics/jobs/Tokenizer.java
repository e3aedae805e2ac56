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
    StringBuilder word = new StringBuilder();
    int letters = 0;
    int n = s.length();
    for (int i = 0; i < n; ) {
      int cp = s.codePointAt(i);
      int len = Character.charCount(cp);
      if (Character.isLetter(cp)) {
        word.appendCodePoint(cp);
        letters++;
      } else if (letters > 0 && isMark(cp)) {
        word.appendCodePoint(cp);
      } else if (cp == '-' && letters > 0 && word.charAt(word.length() - 1) != '-'
          && i + 1 < n && Character.isLetter(s.codePointAt(i + 1))) {
        word.append('-');
      } else {
        letters = flush(word, letters, words);
      }
      i += len;
    }
    flush(word, letters, words);
    return words;
  }

  private int flush(StringBuilder word, int letters, List<String> out) {
    if (letters >= minLetters) {
      String w = word.toString().toLowerCase(Locale.ROOT);
      if (!stopWords.contains(w)) {
        out.add(w);
      }
    }
    word.setLength(0);
    return 0;
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
