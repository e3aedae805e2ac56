package io.jvcstreaming.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
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
}
