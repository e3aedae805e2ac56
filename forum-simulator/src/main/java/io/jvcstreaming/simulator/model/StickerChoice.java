package io.jvcstreaming.simulator.model;

import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

/** The forum's official stickers ({@code [[sticker:p/...]]}) and which one a post uses. */
final class StickerChoice {

  /** How long a sticker stays the sticker of the moment ({@link #stickerCode}). */
  static final long FASHION_SECONDS = 180;

  private StickerChoice() {
  }

  static void stickerAloneParagraph(BodyBuilder b, SplittableRandom r, Instant postedAt) {
    b.openParagraph(false);
    officialSticker(b, r, postedAt);
    b.closeParagraph();
  }

  static void officialSticker(BodyBuilder b, SplittableRandom r, Instant postedAt) {
    String code = stickerCode(r, postedAt);
    String src = "https://image.jeuxvideo.com/stickers/p/st/" + code;
    String alt = "[[sticker:p/" + code + "]]";
    b.source(alt).sticker(src).markup("<img src=\"" + src + "\" alt=\"" + alt + "\" data-code=\"" + alt + "\" title=\""
        + alt + "\" width=\"50\" height=\"50\" class=\"message__sticker\" />");
  }

  /**
   * Half the official stickers are the sticker of the moment, which changes every {@value #FASHION_SECONDS} s of
   * post time, the other half any code: a sticker comes into fashion, then goes, so the trending lists have
   * something that rises (a uniform pick would make every sticker steady).
   */
  static String stickerCode(SplittableRandom r, Instant postedAt) {
    List<String> codes = Phrases.STICKER_CODES;
    int i = r.nextInt(2 * codes.size());
    if (i < codes.size()) {
      return codes.get(i);
    }
    long period = Math.floorDiv(postedAt.getEpochSecond(), FASHION_SECONDS);
    return codes.get((int) Math.floorMod(period * 0x9E3779B97F4A7C15L >>> 17, codes.size()));
  }
}
