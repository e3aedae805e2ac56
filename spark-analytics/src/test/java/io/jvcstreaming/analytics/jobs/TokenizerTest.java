package io.jvcstreaming.analytics.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TokenizerTest {

  private final Tokenizer six = new Tokenizer(6, Set.of());

  @Test
  @DisplayName("accents are kept, case is lowered, NFD input gives the same word as NFC")
  void accentsKeptAndLowerCased() {
    assertThat(six.words("Éléphant ÉLÉPHANT éléphant")).containsExactly("éléphant", "éléphant", "éléphant");
    assertThat(six.words("E\u0301le\u0301phant")).containsExactly("éléphant"); // decomposed é
    assertThat(six.words("œuvres naïveté CHÂTEAU")).containsExactly("œuvres", "naïveté", "château");
    // above U+0300 the text is normalised: the Kelvin sign is a compatibility singleton NFC maps to K
    assertThat(six.words("\u212Aelvins chauds")).containsExactly("kelvins", "chauds");
  }

  @Test
  @DisplayName("only words of at least min letters count (5 letters do not, 6 do)")
  void minimumLength() {
    assertThat(six.words("forêt soirée chats chatte")).containsExactly("soirée", "chatte");
    assertThat(new Tokenizer(3, Set.of()).words("le chat et moi")).containsExactly("chat", "moi");
  }

  @Test
  @DisplayName("punctuation and apostrophes separate, inner hyphens join")
  void punctuation() {
    assertThat(six.words("«Incroyable», (ahiiiiii)… soirée!!! l'homme-orchestre aujourd'hui peut-être -tiret-"))
        .containsExactly("incroyable", "ahiiiiii", "soirée", "homme-orchestre", "aujourd", "peut-être");
  }

  @Test
  @DisplayName("emoji, digits and flags are separators, never part of a word")
  void emojiAndDigits() {
    assertThat(six.words("😂😂incroyable😂 🇫🇷 123456789 abc123defghi")).containsExactly("incroyable", "defghi");
  }

  @Test
  @DisplayName("URLs and sticker codes are ignored")
  void urlsAndStickers() {
    assertThat(six.words("regardez https://www.jeuxvideo.com/forums/blabla-incroyable.htm "
        + "www.noelshack.com/fichiers/superbe.png :noel: :rire_malsain: [[sticker:p/1kki]] magnifique"))
        .containsExactly("regardez", "magnifique");
  }

  @Test
  @DisplayName("each kind of URL and code alone is still ignored (the regexes run only when they can match)")
  void urlsAndCodesAlone() {
    assertThat(six.words("WwW.Exemple.com/incroyable magnifique")).containsExactly("magnifique");
    assertThat(six.words("HTTPS://exemple.com/incroyable magnifique")).containsExactly("magnifique");
    assertThat(six.words("magnifique :ahiiiiii:")).containsExactly("magnifique");
    assertThat(six.words("magnifique [[sticker:p/incroyable]]")).containsExactly("magnifique");
    assertThat(six.words("superbe.magnifique wwwincroyable")).containsExactly("superbe", "magnifique",
        "wwwincroyable");
    assertThat(six.words("www")).isEmpty();
  }

  @Test
  @DisplayName("URL and code edges follow the regexes the scanners replace (ASCII case, \\s, \\p{L}\\p{N}_-)")
  void urlAndCodeEdges() {
    assertThat(Tokenizer.removeUrls("a http:// b hTtPs://x.fr/y\u00A0z c wwwx www.y\td"))
        .isEqualTo("a http:// b   c wwwx  \td");
    assertThat(Tokenizer.removeUrls("httpſ://x")).isEqualTo("httpſ://x"); // (?i) folds ASCII only
    assertThat(Tokenizer.removeCodes(":a:b: :: :x y: :é_1-²: [[sticker:p/1]] [[sticker:a b]] [[sticker:]]]"))
        .isEqualTo(" b: :: :x y:     [[sticker:a b]]  ]");
    String plain = "sans code";
    assertThat(Tokenizer.removeCodes(plain)).isSameAs(plain); // nothing removed, nothing copied
  }

  @Test
  @DisplayName("stop words are dropped after lower-casing")
  void stopWords() {
    Tokenizer t = new Tokenizer(6, Set.of("toujours", "vraiment"));
    assertThat(t.words("Toujours VRAIMENT incroyable")).containsExactly("incroyable");
  }

  @Test
  @DisplayName("a word is cut at its edges exactly: doubled or trailing hyphens, marks, letters beyond the BMP")
  void wordEdges() {
    assertThat(six.words("abcdef--ghijkl abcdef- -abcdef ABCDEF-GHIJKL")).containsExactly("abcdef", "ghijkl",
        "abcdef", "abcdef", "abcdef-ghijkl");
    // a combining mark joins the letter before it, and separates when nothing precedes it
    assertThat(six.words("\u0301abcdef abcde\u0301 abcdef\u0301g")).containsExactly("abcdef", "abcdef\u0301g");
    // 𝐀 (U+1D400, a surrogate pair) is a letter: one letter, two chars; a lone surrogate separates
    assertThat(six.words("abcd\uD835\uDC00e abcdef\uD800ghijkl")).containsExactly("abcd\uD835\uDC00e", "abcdef",
        "ghijkl");
    assertThat(new Tokenizer(3, Set.of("chat")).words("CHAT chats Chat")).containsExactly("chats");
  }

  @Test
  void emptyAndNullText() {
    assertThat(six.words("")).isEmpty();
    assertThat(six.words(null)).isEmpty();
  }
}
