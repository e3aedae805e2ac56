package io.jvcstreaming.simulator.pictures;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class PictureDrawerTest {

  @Test
  void samePictureForTheSameIdentityAndAnotherForAnother() throws Exception {
    byte[] a = PictureDrawer.png("image.jeuxvideo.com/stickers/p/st/1kki");
    assertThat(PictureDrawer.png("image.jeuxvideo.com/stickers/p/st/1kki")).isEqualTo(a);
    assertThat(PictureDrawer.png("image.jeuxvideo.com/stickers/p/st/1lmh")).isNotEqualTo(a);
    BufferedImage sticker = ImageIO.read(new ByteArrayInputStream(a));
    assertThat(sticker.getWidth()).isEqualTo(120);
    BufferedImage noel = ImageIO.read(new ByteArrayInputStream(
        PictureDrawer.png("image.noelshack.com/fichiers/2026/48/3/1764100000-chat-content.jpg")));
    assertThat(noel.getWidth()).isEqualTo(160);
    assertThat(noel.getHeight()).isEqualTo(120);
  }
}
