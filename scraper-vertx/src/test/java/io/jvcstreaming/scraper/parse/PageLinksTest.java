package io.jvcstreaming.scraper.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.jsoup.internal.StringUtil;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link PageLinks#resolve} is jsoup's {@link StringUtil#resolve}, on the links a page has and on random ones. */
class PageLinksTest {

  private static final String[] LINKS = {
      "/forums/42-51-74800001-1-0-1-0-un-titre.htm", "/forums/42-51-74800001-3-0-1-0-un-titre.htm", "/",
      "/forums/0-51-0-1-0-26-0-blabla-18-25-ans.htm", "//other.example/x.htm", "/./x.htm", "/../x.htm", "/a/./b",
      "/a/../b", "/a/.b", "/a?b=1", "/a#top", "/a b", "/a\tb", "/a\\b", "/é.htm", "/a%20b", "/a:b", "/a@b", "/a;b=c",
      "relative.htm", "./x", "../x", "?page=2", "#frag", "https://www.jeuxvideo.com/forums/x.htm", "HTTP://X/y",
      "javascript:void(0)", "", " /x", "/x ", "\u0001/x", "/x\u0001", "/\u007f"};

  @ParameterizedTest
  @ValueSource(strings = {
      "https://www.jeuxvideo.com/forums/0-51-0-1-0-1-0-blabla-18-25-ans.htm", "http://127.0.0.1:18089/forums/x.htm",
      "http://localhost:80/a/b/c.htm", "HTTPS://WWW.Example.COM/x", "http://user:pw@host:8080/p?q=1#f",
      "http://[::1]:9000/p", "http://host/p?query", "http://host", "not a url", "", "file:/tmp/x.htm",
      "http://ex\u0001ample.com/p"})
  void resolvesAsJsoupDoes(String base) {
    PageLinks links = new PageLinks(base);
    for (String rel : LINKS) {
      assertThat(links.resolve(rel)).as("%s against %s", rel, base).isEqualTo(StringUtil.resolve(base, rel));
    }
    SplittableRandom random = new SplittableRandom(base.hashCode());
    String alphabet = "/////aZ09-_.~%:@;=!$&'()*+,?#\\ \té\u0001\u007f";
    for (int n = 0; n < 3000; n++) {
      StringBuilder rel = new StringBuilder(random.nextInt(3) == 0 ? "" : "/");
      for (int len = random.nextInt(12); len > 0; len--) {
        rel.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String r = rel.toString();
      assertThat(links.resolve(r)).as("%s against %s", r, base).isEqualTo(StringUtil.resolve(base, r));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"/forums/42-51-1-1-0-1-0-x.htm", "/", "/a-b_c~d/e.htm", "/a:b@c;d=e"})
  void plainRootPaths(String rel) {
    assertThat(PageLinks.isPlainRootPath(rel)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "x", "//host/x", "/./x", "/a/../b", "/a?b", "/a#b", "/a b", "/a\\b", "/é", "/\u007f"})
  void otherLinksGoToJsoup(String rel) {
    assertThat(PageLinks.isPlainRootPath(rel)).isFalse();
  }
}
