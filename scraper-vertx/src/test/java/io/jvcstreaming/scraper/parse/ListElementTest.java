package io.jvcstreaming.scraper.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** A scanned element's class test answers as jsoup's {@code hasClass}, ASCII or not, whatever the case. */
class ListElementTest {

  private static final String[] WANTED = {"k", "ak", "a-k", "A", "tablesforum__bodyrow", "tablesForum__bodyRow", "é"};

  @Test
  void hasClassAnswersAsJsoupOnRandomClassAttributes() {
    // Kelvin sign, which regionMatches(true, ..) takes for a k; no-break space, which jsoup does not split on
    String alphabet = "akAK-_ \t\n\u00a0é\u212a\u0001";
    SplittableRandom random = new SplittableRandom(5);
    int matched = 0;
    for (int n = 0; n < 4_000; n++) {
      StringBuilder cls = new StringBuilder();
      for (int len = random.nextInt(0, 9); len > 0; len--) {
        cls.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      if (random.nextInt(4) == 0) {
        cls.append(" tablesForum__bodyRow");
      }
      String html = "<!doctype html><html><head><title>t</title></head><body>"
          + "<ul class=\"tablesForum--listTopics\"><li class=\"" + cls + "\">x</li></ul></body></html>";
      ListElement ul = ListPageScan.container(html, "https://www.jeuxvideo.com/forums/x.htm");
      assertThat(ul).as(cls.toString()).isNotNull();
      ListElement li = ul.children().get(0);
      Element jsoupLi = Jsoup.parse(html).selectFirst("li");
      for (String wanted : WANTED) {
        boolean expected = jsoupLi.hasClass(wanted);
        assertThat(li.hasClass(wanted)).as("%s in [%s]", wanted, cls).isEqualTo(expected);
        matched += expected ? 1 : 0;
      }
    }
    assertThat(matched).isGreaterThan(1_000);
  }
}
