package io.jvcstreaming.scraper.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link AsciiSearch#in} answers as {@code String.indexOf}, from every start, on strings made to nearly match. */
class AsciiSearchTest {

  @ParameterizedTest
  @ValueSource(strings = {"id=\"message-", "forumsAppPayload", "a", "aa", "aba", "abcabd"})
  void findsWhatIndexOfFinds(String needle) {
    AsciiSearch search = new AsciiSearch(needle);
    // the needle's own characters, its halves and characters outside ASCII, so that windows nearly match
    String[] parts = {needle, needle.substring(0, needle.length() / 2), needle.substring(needle.length() / 2),
        needle.substring(1), String.valueOf(needle.charAt(needle.length() - 1)), "x", "é", "\u00e9", "\u20ac", "-",
        "\"", "=", " "};
    SplittableRandom random = new SplittableRandom(needle.hashCode());
    int found = 0;
    for (int n = 0; n < 3_000; n++) {
      StringBuilder sb = new StringBuilder();
      for (int k = random.nextInt(0, 12); k > 0; k--) {
        sb.append(parts[random.nextInt(parts.length)]);
      }
      String s = sb.toString();
      for (int from = -1; from <= s.length() + 1; from++) {
        assertThat(search.in(s, from)).as("%s in %s from %d", needle, s, from).isEqualTo(s.indexOf(needle, from));
      }
      found += s.contains(needle) ? 1 : 0;
    }
    assertThat(found).isGreaterThan(500);
  }

  @Test
  void wantsAnAsciiNeedle() {
    assertThatThrownBy(() -> new AsciiSearch("")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new AsciiSearch("é")).isInstanceOf(IllegalArgumentException.class);
  }
}
