package io.jvcstreaming.scraper.parse;

import java.util.Arrays;

/**
 * {@code String.indexOf} of one fixed ASCII needle, by Boyer-Moore-Horspool: a mismatch at the needle's last
 * character moves on by up to its length. The topic parser looks for the payload's marker and for every message id
 * over the whole page, and C1, which compiles the scraper, has no intrinsic for {@code indexOf}: its byte loop was a
 * seventh of a topic page's parse (profile in BENCHMARKS.md), a needle of 12 to 16 characters reads a fraction of
 * the bytes. Same answers as {@code indexOf}, on any string.
 */
final class AsciiSearch {

  private final String needle;
  private final char lastChar;
  /** Shift after a window whose last character is {@code c < 128}; other characters shift by the whole length. */
  private final int[] shift = new int[128];

  AsciiSearch(String needle) {
    if (needle.isEmpty() || !needle.chars().allMatch(c -> c < 128)) {
      throw new IllegalArgumentException("an ASCII needle is needed: " + needle);
    }
    this.needle = needle;
    int last = needle.length() - 1;
    this.lastChar = needle.charAt(last);
    Arrays.fill(shift, needle.length());
    for (int i = 0; i < last; i++) {
      shift[needle.charAt(i)] = last - i;
    }
  }

  /** {@code s.indexOf(needle, from)}. */
  int in(String s, int from) {
    int m = needle.length();
    int last = m - 1;
    int n = s.length();
    for (int i = Math.max(from, 0); i + last < n; ) {
      char c = s.charAt(i + last);
      if (c == lastChar && s.startsWith(needle, i)) {
        return i;
      }
      i += c < 128 ? shift[c] : m;
    }
    return -1;
  }
}
