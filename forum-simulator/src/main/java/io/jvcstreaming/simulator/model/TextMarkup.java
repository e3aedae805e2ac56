package io.jvcstreaming.simulator.model;

import static io.jvcstreaming.simulator.model.Phrases.pick;

import io.jvcstreaming.simulator.markup.Html;
import io.jvcstreaming.simulator.markup.JvCare;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

/** The text constructs of spec §4 that wrap words: spoilers (inline and block), code blocks and links. */
final class TextMarkup {

  private static final int LONG_URL = 50;

  private TextMarkup() {
  }

  static void inlineSpoiler(BodyBuilder b, SplittableRandom r) {
    String id = "spoil-" + Long.toHexString(r.nextLong() & 0xFFFFFFFL);
    b.source("<spoil>").markup("<span class=\"message__spoil message__spoil--inline\">").markup(spoilerHead(id))
        .markup("<span class=\"message__spoilContent\">").words(pick(r, Phrases.SENTENCES))
        .markup("</span></span>").source("</spoil>");
  }

  static void blockSpoiler(BodyBuilder b, SplittableRandom r, Instant postedAt) {
    String id = "spoil-" + Long.toHexString(r.nextLong() & 0xFFFFFFFL);
    b.blockBoundary().source("<spoil>").markup("<div class=\"message__spoil\">").markup(spoilerHead(id))
        .markup("<div class=\"message__spoilContent\">");
    b.openParagraph(true).words(pick(r, Phrases.SENTENCES));
    if (r.nextBoolean()) {
      ImageMarkup.inlineThumbnail(b, r, postedAt);
    }
    b.closeParagraph().markup("</div></div>").source("</spoil>").blockBoundary();
  }

  private static String spoilerHead(String id) {
    return "<input type=\"checkbox\" class=\"message__openSpoil\" id=\"" + id + "\" /><label for=\"" + id
        + "\" class=\"message__spoilHead\"><span class=\"message__spoilTitle\">Spoil</span>"
        + "<span class=\"message__spoilShow\">Afficher</span><span class=\"message__spoilHide\">Masquer</span></label>";
  }

  static void codeBlock(BodyBuilder b, SplittableRandom r) {
    String code = pick(r, Phrases.CODE_SNIPPETS);
    b.blockBoundary().source("<code>").markup("<pre class=\"message__pre\"><code class=\"message__code\">").words(code)
        .markup("</code></pre>").source("</code>\n\n").blockBoundary();
  }

  static void link(BodyBuilder b, SplittableRandom r) {
    String url;
    boolean internal = r.nextInt(4) == 0;
    if (internal) {
      url = "https://www.jeuxvideo.com/forums/42-51-" + (76_000_000 + r.nextInt(1_000_000)) + "-1-0-1-0-"
          + pick(r, List.of("le-topic-des-khey", "vos-avis", "alerte-info")) + ".htm";
      b.markup("<a href=\"" + Html.escapeBody(url) + "\" title=\"" + Html.escapeBody(url) + "\">");
    } else {
      url = pick(r, Phrases.EXTERNAL_URLS);
      StringBuilder sb = new StringBuilder();
      JvCare.openSpan(sb, url, "");
      b.markup(sb.append(" rel=\"nofollow\" target=\"_blank\">").toString());
    }
    b.source(url);
    if (url.length() > LONG_URL) {
      // Long URLs are cut for display; concatenating the text nodes gives the URL back (no spaces).
      int start = 35;
      int end = url.length() - 10;
      b.markup("").renderedText(url);
      StringBuilder sb = new StringBuilder();
      Html.appendBody(sb, url.substring(0, start));
      sb.append("<i class=\"message__cesure\"></i><span class=\"message__middleCesure\">");
      Html.appendBody(sb, url.substring(start, end));
      sb.append("</span>");
      Html.appendBody(sb, url.substring(end));
      b.markup(sb.toString());
    } else {
      b.markup(Html.escapeBody(url)).renderedText(url);
    }
    b.markup(internal ? "</a>" : "</span>");
  }
}
