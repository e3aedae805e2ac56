package io.jvcstreaming.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The offline demo's pictures, over real HTTP: a decodable PNG per sticker code, the same one every time. */
class PicturesIT {

  private static ForumSimulator sim;
  private static String origin;

  @BeforeAll
  static void start() {
    sim = ForumSimulator.start(SimulatorConfig.defaults().withPort(0).withTopics(5).withSeed(42));
    origin = "http://127.0.0.1:" + sim.port();
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  @Test
  void servesAPicturePerStickerCode() throws Exception {
    HttpResponse<byte[]> kki = TestHttp.get(origin + "/pictures/image.jeuxvideo.com/stickers/p/st/1kki");
    assertThat(kki.statusCode()).isEqualTo(200);
    assertThat(kki.headers().firstValue("Content-Type")).contains("image/png");
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(kki.body()));
    assertThat(image).as("a decodable image").isNotNull();
    assertThat(image.getWidth()).isPositive();
    assertThat(TestHttp.get(origin + "/pictures/image.jeuxvideo.com/stickers/p/st/1kki").body())
        .as("the same picture again").isEqualTo(kki.body());
    assertThat(TestHttp.get(origin + "/pictures/image.jeuxvideo.com/stickers/p/st/zuc").body())
        .as("another code, another picture").isNotEqualTo(kki.body());
  }

  @Test
  void servesNoelShackPicturesAndRefusesOtherHosts() throws Exception {
    HttpResponse<byte[]> noel = TestHttp.get(
        origin + "/pictures/image.noelshack.com/fichiers/2026/48/3/1764100000-chat-content.jpg");
    assertThat(noel.statusCode()).isEqualTo(200);
    assertThat(ImageIO.read(new ByteArrayInputStream(noel.body()))).isNotNull();
    assertThat(TestHttp.get(origin + "/pictures/evil.example/a.png").statusCode()).isEqualTo(404);
  }
}
