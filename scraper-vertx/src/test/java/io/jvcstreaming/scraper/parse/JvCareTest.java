package io.jvcstreaming.scraper.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class JvCareTest {

  @Test
  void decodesTheSpecExampleToHttps() {
    assertThat(JvCare.decode("45CBCBC0C2")).isEqualTo("https");
  }

  @Test
  void encodesHttpsToTheSpecExample() {
    assertThat(JvCare.encode("https")).isEqualTo("45CBCBC0C2");
  }

  @Test
  void decodesAFullTopicUrl() {
    String url = "/forums/42-51-77300123-7-0-1-0-le-cafe-du-matin.htm";
    assertThat(JvCare.decode(JvCare.encode(url))).isEqualTo(url);
  }

  @Test
  void rejectsOddLengthAndForeignSymbols() {
    assertThatThrownBy(() -> JvCare.decode("45C")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> JvCare.decode("45GG")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void decodesTheTokenFollowingJvCareInTheClassAttribute() {
    String url = "https://www.jeuxvideo.com/forums/42-51-1-3-0-1-0-x.htm";
    Element span = Jsoup.parse("<span class=\"JvCare " + JvCare.encode(url) + " pagination__button\">3</span>")
        .selectFirst("span");
    assertThat(JvCare.decodeFromClasses(span)).contains(url);
  }

  @Test
  void givesNothingForAnElementWithoutJvCareOrWithAGarbageToken() {
    Element plain = Jsoup.parse("<span class=\"pagination__button\">3</span>").selectFirst("span");
    Element garbage = Jsoup.parse("<span class=\"JvCare avatar\">3</span>").selectFirst("span");
    Element notALink = Jsoup.parse("<span class=\"JvCare 0A0A avatar\">3</span>").selectFirst("span");
    assertThat(JvCare.decodeFromClasses(plain)).isEmpty();
    assertThat(JvCare.decodeFromClasses(garbage)).isEmpty();
    assertThat(JvCare.decodeFromClasses(notALink)).isEmpty();
  }

  @Property
  void decodeIsTheInverseOfEncode(@ForAll String any) {
    // lone surrogates do not survive UTF-8; every well-formed string round trips
    String s = new String(any.getBytes(java.nio.charset.StandardCharsets.UTF_8),
        java.nio.charset.StandardCharsets.UTF_8);
    assertThat(JvCare.decode(JvCare.encode(s))).isEqualTo(s);
  }
}
