package io.jvcstreaming.simulator.pictures;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PicturePathTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "/pictures/image.jeuxvideo.com/stickers/p/st/1kki, image.jeuxvideo.com/stickers/p/st/1kki",
      "/pictures/image.noelshack.com/fichiers/2026/48/3/1764100000-chat-content.jpg, "
          + "image.noelshack.com/fichiers/2026/48/3/1764100000-chat-content.jpg",
      "/pictures/image.noelshack.com/fichiers/2026/48/3/1764100000-caf%C3%A9.png, "
          + "image.noelshack.com/fichiers/2026/48/3/1764100000-caf%C3%A9.png"})
  void namesAPictureOfTheTwoImageHosts(String path, String identity) {
    assertThat(PicturePath.of(path)).contains(identity);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "/pictures/evil.example/a.png",
      "/pictures/image.noelshack.com",
      "/pictures/image.noelshack.com/",
      "/pictures//fichiers/a.png",
      "/pictures/image.noelshack.com/../../etc/passwd",
      "/pictures/image.noelshack.com//a.png",
      "/pictures/image.noelshack.com/a b.png",
      "/pictures/image.noelshack.com/a\"onerror.png",
      "/forums/image.noelshack.com/a.png",
      ""})
  void refusesAnythingElse(String path) {
    assertThat(PicturePath.of(path)).isEmpty();
  }

  @org.junit.jupiter.api.Test
  void refusesOverlongPaths() {
    assertThat(PicturePath.of("/pictures/image.noelshack.com/" + "a".repeat(400))).isEmpty();
    assertThat(PicturePath.of(null)).isEmpty();
  }
}
