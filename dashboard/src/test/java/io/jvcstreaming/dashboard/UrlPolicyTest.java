package io.jvcstreaming.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UrlPolicyTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "https://image.noelshack.com/fichiers/2026/48/3/1764100000-chat.png",
      "https://image.jeuxvideo.com/stickers/p/st/1kki",
      "https://IMAGE.NOELSHACK.COM/fichiers/a.png",
      "https://image.noelshack.com:443/fichiers/a.png"})
  void allowsTheStickerHostsOverHttps(String url) {
    assertThat(UrlPolicy.isAllowedImage(url)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "http://image.noelshack.com/fichiers/a.png",
      "https://image.noelshack.com.evil.example/a.png",
      "https://evil.example/image.noelshack.com/a.png",
      "https://user@image.noelshack.com/a.png",
      "https://image.noelshack.com:8443/a.png",
      "https://noelshack.com/a.png",
      "javascript:alert(1)",
      "data:image/png;base64,AAAA",
      "//image.noelshack.com/a.png",
      "https://image.noelshack.com/a b.png",
      "https://image.noelshack.com/\"onerror=\"x",
      ""})
  void refusesEverythingElse(String url) {
    assertThat(UrlPolicy.isAllowedImage(url)).isFalse();
  }

  @Test
  void refusesNullAndHugeUrls() {
    assertThat(UrlPolicy.isAllowedImage(null)).isFalse();
    assertThat(UrlPolicy.isAllowedImage("https://image.noelshack.com/" + "a".repeat(3000))).isFalse();
  }

  @Test
  void linksOnlyIntoTheForumOrigin() {
    UrlPolicy p = new UrlPolicy("https://www.jeuxvideo.com");
    String topic = "https://www.jeuxvideo.com/forums/42-51-77300123-1-0-1-0-le-cafe-du-matin.htm";
    assertThat(p.forumLinkOrNull(topic)).isEqualTo(topic);
    assertThat(p.forumLinkOrNull("https://www.jeuxvideo.com.evil.example/forums/x.htm")).isNull();
    assertThat(p.forumLinkOrNull("http://www.jeuxvideo.com/forums/x.htm")).isNull();
    assertThat(p.forumLinkOrNull("javascript:alert(1)")).isNull();
    assertThat(p.forumLinkOrNull("https://evil@www.jeuxvideo.com/forums/x.htm")).isNull();
    assertThat(p.topicLink(77300123)).isEqualTo("https://www.jeuxvideo.com/forums/42-51-77300123-1-0-1-0-0.htm");
  }

  @ParameterizedTest(name = "live mode: {0}")
  @ValueSource(strings = {
      "https://image.noelshack.com/fichiers/2026/48/3/1764100000-chat.png",
      "https://image.jeuxvideo.com/stickers/p/st/1kki"})
  void liveModeShowsStickersFromTheirHosts(String url) {
    UrlPolicy live = new UrlPolicy("https://www.jeuxvideo.com");
    assertThat(live.imageSource(url)).isEqualTo(url);
    assertThat(live.pictureMirror()).isNull();
  }

  @ParameterizedTest(name = "demo mode: {0}")
  @CsvSource({
      "https://image.noelshack.com/fichiers/2026/48/3/1764100000-chat.png, "
          + "http://127.0.0.1:8089/pictures/image.noelshack.com/fichiers/2026/48/3/1764100000-chat.png",
      "https://IMAGE.JEUXVIDEO.COM/stickers/p/st/1kki, http://127.0.0.1:8089/pictures/image.jeuxvideo.com/stickers/p/st/1kki",
      "https://image.noelshack.com/fichiers/2026/48/3/caf%C3%A9.png?x=1, "
          + "http://127.0.0.1:8089/pictures/image.noelshack.com/fichiers/2026/48/3/caf%C3%A9.png"})
  void demoModeShowsTheMirrorsCopy(String url, String shown) {
    UrlPolicy demo = new UrlPolicy("http://127.0.0.1:8089", "http://127.0.0.1:8089");
    assertThat(demo.imageSource(url)).isEqualTo(shown);
  }

  @ParameterizedTest(name = "both modes refuse: {0}")
  @ValueSource(strings = {"https://evil.example/fichiers/a.png", "http://image.noelshack.com/fichiers/a.png",
      "http://127.0.0.1:8089/pictures/image.noelshack.com/fichiers/a.png", "javascript:alert(1)"})
  void bothModesRefuseWhatIsNotAStickerHostUrl(String url) {
    assertThat(new UrlPolicy("https://www.jeuxvideo.com").imageSource(url)).isNull();
    assertThat(new UrlPolicy("http://127.0.0.1:8089", "http://127.0.0.1:8089").imageSource(url)).isNull();
  }

  @Test
  void theContentSecurityPolicyAllowsTheHostsLiveAndOnlyTheMirrorInTheDemo() {
    String live = HttpApi.csp(new UrlPolicy("https://www.jeuxvideo.com"));
    assertThat(live).contains("img-src 'self' https://image.noelshack.com https://image.jeuxvideo.com;")
        .doesNotContain("127.0.0.1").doesNotContain("http:");
    String demo = HttpApi.csp(new UrlPolicy("http://127.0.0.1:8089", "http://127.0.0.1:8089"));
    assertThat(demo).contains("img-src 'self' http://127.0.0.1:8089;").doesNotContain("noelshack")
        .doesNotContain("jeuxvideo");
    assertThat(demo.replace("img-src 'self' http://127.0.0.1:8089;", "img-src 'self' HOSTS;"))
        .isEqualTo(live.replace("img-src 'self' https://image.noelshack.com https://image.jeuxvideo.com;",
            "img-src 'self' HOSTS;"));
  }
}
