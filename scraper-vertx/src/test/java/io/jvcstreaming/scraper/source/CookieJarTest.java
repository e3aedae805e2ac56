package io.jvcstreaming.scraper.source;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CookieJarTest {

  @Test
  void cookiesSetByAHostAreSentBackToItOnly() {
    CookieJar jar = new CookieJar();
    assertThat(jar.header("forum:80")).isNull();
    jar.store("forum:80", "session=abc; Path=/; HttpOnly");
    jar.store("forum:80", "consent=1");
    jar.store("other:80", "x=y");
    assertThat(jar.header("forum:80")).isEqualTo("session=abc; consent=1");
    assertThat(jar.header("other:80")).isEqualTo("x=y");
  }

  @Test
  void aCookieSetAgainIsReplacedAndAnExpiredOrEmptyOneDropped() {
    CookieJar jar = new CookieJar();
    jar.store("h", "a=1");
    jar.store("h", "b=2");
    jar.store("h", "a=3; Secure");
    assertThat(jar.header("h")).isEqualTo("a=3; b=2");
    jar.store("h", "a=gone; Max-Age=0; Path=/");
    assertThat(jar.header("h")).isEqualTo("b=2");
    jar.store("h", "b=");
    assertThat(jar.header("h")).isNull();
  }

  @Test
  void aHeaderWithoutANameIsIgnored() {
    CookieJar jar = new CookieJar();
    jar.store("h", "=oops");
    jar.store("h", "garbage");
    assertThat(jar.header("h")).isNull();
  }
}
