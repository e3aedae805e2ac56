package io.jvcstreaming.simulator.pictures;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

/**
 * A sticker-like face drawn from a picture's identity: same identity, same PNG bytes, on every machine (the seed
 * is a CRC32 of the identity, not {@code hashCode}, and no font is used, which a bare CI box may lack). NoelShack
 * pictures are wider than official stickers, as on the forum.
 */
final class PictureDrawer {

  private static final Color[] FACES = {new Color(0xFFD34E), new Color(0xFF9F43), new Color(0x7BED9F),
      new Color(0x70A1FF), new Color(0xFF6B81), new Color(0xECCC68), new Color(0xA29BFE)};
  private static final Color INK = new Color(0x2F3542);

  private PictureDrawer() {
  }

  public static byte[] png(String identity) {
    CRC32 crc = new CRC32();
    crc.update(identity.getBytes(StandardCharsets.UTF_8));
    int h = (int) (crc.getValue() & 0x7FFFFFFF);
    boolean wide = identity.startsWith("image.noelshack.com/");
    int w = wide ? 160 : 120;
    BufferedImage img = new BufferedImage(w, 120, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    int x = (w - 104) / 2;
    Color face = FACES[h % FACES.length];
    g.setColor(face.darker());
    g.fillOval(x, 8, 104, 104);
    g.setColor(face);
    g.fillOval(x + 4, 10, 98, 98);
    g.setColor(INK);
    int eyeY = 40 + h % 8;
    if ((h >> 3) % 3 == 0) {
      g.setStroke(new BasicStroke(5, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
      g.drawArc(x + 22, eyeY, 20, 14, 0, 180);
      g.drawArc(x + 64, eyeY, 20, 14, 0, 180);
    } else {
      g.fillOval(x + 26, eyeY, 14, 18);
      g.fillOval(x + 66, eyeY, 14, 18);
    }
    g.setStroke(new BasicStroke(6, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    switch ((h >> 5) % 3) {
      case 0 -> g.drawArc(x + 24, 56, 58, 36, 200, 140);
      case 1 -> g.drawArc(x + 28, 76, 50, 24, 20, 140);
      default -> g.fillOval(x + 42, 70, 22, 22);
    }
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
    try {
      ImageIO.write(img, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode the picture of " + identity, e);
    }
    return out.toByteArray();
  }
}
