package io.jvcstreaming.simulator.model;

import static io.jvcstreaming.simulator.model.Phrases.pick;

import io.jvcstreaming.simulator.markup.JvCare;
import io.jvcstreaming.simulator.markup.ParisDates;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.SplittableRandom;

/** Noelshack images in the three renderings of spec §4 (thumbnail, image alone, large image), each one a sticker. */
final class ImageMarkup {

  private ImageMarkup() {
  }

  /** An inline thumbnail after a space, inside the current paragraph. */
  static void inlineThumbnail(BodyBuilder b, SplittableRandom r, Instant postedAt) {
    String full = noelshack(postedAt, r);
    b.words(" ").source(full).sticker(full);
    StringBuilder sb = new StringBuilder();
    appendThumbnail(sb, full);
    b.markup(sb.toString());
  }

  static void imageAloneParagraph(BodyBuilder b, SplittableRandom r, Instant postedAt) {
    String full = noelshack(postedAt, r);
    String md = full.replace("/fichiers/", "/fichiers-md/");
    String lg = full.replace("/fichiers/", "/fichiers-lg/");
    b.openParagraph(false).source(full).sticker(full)
        .markup("<img class=\"message__urlImg message__urlImgSticker\" width=\"136\" height=\"102\" src=\"" + md
            + "\" srcset=\"" + md + " 1x, " + lg + " 2x\" alt=\"" + full + "\" />")
        .closeParagraph();
  }

  static void largeImageParagraph(BodyBuilder b, SplittableRandom r, Instant postedAt) {
    String full = noelshack(postedAt, r);
    String lg = full.replace("/fichiers/", "/fichiers-lg/");
    StringBuilder sb = new StringBuilder();
    JvCare.openSpan(sb, full, "message__urlImgWrapper");
    // The stray }" is in the forum's own attribute soup; parsers must tolerate it.
    sb.append(" target=\"_blank\"\"><span class=\"message__urlImg message__urlImgLarge\" data-src-background=\"")
        .append(lg).append("\" }\"></span></span>");
    b.openParagraph(false).source(full).sticker(full).markup(sb.toString()).closeParagraph();
  }

  /** The thumbnail of a signature: uploaded long before the post, named after no random draw. */
  static void appendSignatureThumbnail(StringBuilder sb, Instant postedAt) {
    appendThumbnail(sb, noelshack(postedAt.minusSeconds(86_400L * 40), "signature", "png"));
  }

  /** Rendering 1 of spec §4: the minis thumbnail, full URL in alt, wrapper with the malformed target. */
  private static void appendThumbnail(StringBuilder sb, String full) {
    String mini = full.replace("/fichiers/", "/minis/").replaceAll("\\.[a-z]+$", ".png");
    JvCare.openSpan(sb, full, "message__urlImgWrapper");
    sb.append(" target=\"_blank\"\"><img class=\"message__urlImg message__urlImg\" width=\"68\" height=\"51\" src=\"")
        .append(mini).append("\" alt=\"").append(full).append("\" /></span>");
  }

  private static String noelshack(Instant postedAt, SplittableRandom r) {
    Instant uploaded = postedAt.minusSeconds(r.nextInt(3600 * 24 * 20));
    String name = pick(r, Phrases.IMAGE_NAMES);
    String ext = pick(r, List.of("png", "png", "jpg", "gif"));
    return noelshack(uploaded, name, ext);
  }

  private static String noelshack(Instant uploaded, String name, String ext) {
    ZonedDateTime t = uploaded.atZone(ParisDates.PARIS);
    int week = t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
    return "https://image.noelshack.com/fichiers/" + t.get(IsoFields.WEEK_BASED_YEAR) + "/" + (week < 10 ? "0" : "")
        + week + "/" + t.getDayOfWeek().getValue() + "/" + uploaded.getEpochSecond() + "-" + name + "." + ext;
  }
}
