package io.jvcstreaming.scraper.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which elements of one message the scanner picks, per markup generation. */
class MarkupMessageScanTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "2026 | false | <div><span class='messageUser__label'>A</span><span class='messageUser__date'>D</span>"
          + "<div class='messageUser__msg'>M</div></div> | A | D | M",
      "legacy | true | <div><span class='bloc-pseudo-msg'>A</span><div class='bloc-date-msg'>D</div>"
          + "<div class='txt-msg text-enrichi-forum'>M</div></div> | A | D | M",
      "signature not entered | false | <div><div class='messageUser__signature'><span class='messageUser__label'>S</span>"
          + "</div><span class='messageUser__label'>A</span><span class='messageUser__date'>D</span>"
          + "<div class='messageUser__msg'>M</div></div> | A | D | M",
      "first of each wins | false | <div><span class='messageUser__label'>A</span><span class='messageUser__label'>B</span>"
          + "<span class='messageUser__date'>D</span><div class='messageUser__msg'>M<span class='messageUser__date'>X</span>"
          + "</div></div> | A | D | M",
      "legacy classes ignored in 2026 mode | false | <div><span class='bloc-pseudo-msg'>A</span>"
          + "<div class='messageUser__msg'>M</div></div> | - | - | M",
  })
  void picksTheFirstPseudoDateAndBody(String what, boolean legacy, String html, String label, String date,
      String msg) {
    Element root = Jsoup.parseBodyFragment(html).body().child(0);
    MarkupMessageScan scan = new MarkupMessageScan(legacy);
    scan.reset();
    root.filter(scan);
    assertThat(scan.label == null ? "-" : scan.label.text()).as(what).isEqualTo(label);
    assertThat(scan.date == null ? "-" : scan.date.text()).as(what).isEqualTo(date);
    assertThat(scan.msg == null ? "-" : scan.msg.ownText()).as(what).isEqualTo(msg);
  }
}
