package io.jvcstreaming.scraper.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.jvcstreaming.simulator.model.Topic;
import io.jvcstreaming.simulator.model.World;
import java.util.List;
import java.util.SplittableRandom;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link FragmentEntities#decodeText} answers as jsoup's {@code Parser.unescapeEntities(text, false)} (what payload
 * titles went through) or refuses: on every topic title of generated forums, on hand-picked forms, and on random
 * strings of references and text.
 */
class FragmentEntitiesTest {

  private static void assertNullOrSameAsJsoup(String s) {
    String fast = FragmentEntities.decodeText(s);
    if (fast != null) {
      assertThat(fast).as("decoding of %s", s).isEqualTo(Parser.unescapeEntities(s, false));
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {51, 1})
  void decodesEveryGeneratedTitleAsJsoupDoes(long seed) {
    World world = GeneratedForums.generate(seed, 300);
    List<Topic> topics = world.read(world::listOrder);
    assertThat(topics).hasSize(300);
    for (Topic t : topics) {
      assertThat(FragmentEntities.decodeText(t.title())).isEqualTo(Parser.unescapeEntities(t.title(), false));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"caf&eacute;", "a & b", "a &amp; b", "&#233;t&#xE9;", "x&", "&&amp;", "&lt;b&gt;",
      "<& >", "&quot;q&quot;"})
  void decodesTheFormsItKnowsAsJsoupDoes(String s) {
    assertThat(FragmentEntities.decodeText(s)).isEqualTo(Parser.unescapeEntities(s, false));
  }

  @ParameterizedTest
  @ValueSource(strings = {"caf&eacute", "&notit;", "&copy 2026", "&#;", "&#x;", "&#128;", "&#0;", "&unknown;",
      "a\r&amp;", "&#1114112;"})
  void refusesTheFormsItLeavesToJsoup(String s) {
    assertThat(FragmentEntities.decodeText(s)).isNull();
  }

  @Test
  void decodesRandomMixesAsJsoupDoesOrRefuses() {
    String[] parts = {"a", " ", "é", "&", "&amp;", "&amp", "&eacute;", "&eacute", "&#233;", "&#xe9;", "&#x", "#",
        ";", "&lt;", "<", "&nbsp;", "&not", "it", "&#128;", "1", "=", "\n", "&&"};
    SplittableRandom random = new SplittableRandom(3);
    int answered = 0;
    for (int n = 0; n < 5_000; n++) {
      StringBuilder sb = new StringBuilder();
      for (int k = random.nextInt(1, 8); k > 0; k--) {
        sb.append(parts[random.nextInt(parts.length)]);
      }
      assertNullOrSameAsJsoup(sb.toString());
      answered += FragmentEntities.decodeText(sb.toString()) != null ? 1 : 0;
    }
    assertThat(answered).isGreaterThan(500);
  }

  /** The names decoded without jsoup's lookup, their neighbours in case and length, in text and in attributes. */
  @ParameterizedTest
  @ValueSource(strings = {"eacute", "agrave", "egrave", "quot", "Ccedil", "nbsp", "ecirc", "lt", "amp", "ccedil", "gt",
      "ocirc", "euro", "ugrave", "oelig", "Eacute", "apos", "acirc", "icirc", "ucirc", "iuml", "euml", "laquo",
      "raquo", "hellip", "EACUTE", "Agrave", "QUOT", "AMP", "LT", "Nbsp", "eacut", "eacutee", "l", "ltt", "Euro"})
  void decodesTheCommonNamesAsJsoupDoes(String name) {
    for (String s : new String[] {"&" + name + ";", "x&" + name + ";y", "&" + name + ";&" + name + ";"}) {
      assertNullOrSameAsJsoup(s);
    }
    int[] end = new int[1];
    String one = FragmentEntities.decodeAt("&" + name + ";", 0, end);
    if (one != null) {
      assertThat(one).isEqualTo(Parser.unescapeEntities("&" + name + ";", false));
      assertThat(end[0]).isEqualTo(name.length() + 2);
    }
  }
}
