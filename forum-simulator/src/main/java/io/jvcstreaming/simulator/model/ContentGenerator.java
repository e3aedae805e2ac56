package io.jvcstreaming.simulator.model;

import io.jvcstreaming.simulator.markup.Html;
import io.jvcstreaming.simulator.markup.JvCare;
import io.jvcstreaming.simulator.markup.ParisDates;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Invents titles, authors and message bodies with every construct of spec §4, each body built together with
 * its expected clean text and sticker list. Pure function of the random source it is given: same seed, same forum.
 */
public final class ContentGenerator {

  /** How long a sticker stays the sticker of the moment ({@link #stickerCode}). */
  static final long FASHION_SECONDS = 180;

  private static final int AUTHOR_POOL = 160;
  private static final int LONG_URL = 50;

  private final List<Author> authors;

  public ContentGenerator(long seed) {
    SplittableRandom r = new SplittableRandom(seed ^ 0xA17B0125L);
    List<Author> pool = new ArrayList<>(AUTHOR_POOL);
    for (int i = 0; i < AUTHOR_POOL; i++) {
      String stem = pick(r, Phrases.PSEUDO_STEMS);
      String pseudo = switch (r.nextInt(4)) {
        case 0 -> stem + "_" + (10 + r.nextInt(90));
        case 1 -> stem + (1990 + r.nextInt(18));
        case 2 -> stem + "-" + pick(r, List.of("du93", "Sauvage", "Fou", "Triste", "75"));
        default -> "[" + stem + "]" + r.nextInt(10);
      };
      pool.add(new Author(pseudo, r.nextInt(100) < 4));
    }
    this.authors = List.copyOf(pool);
  }

  public Author author(SplittableRandom r) {
    return authors.get(r.nextInt(authors.size()));
  }

  public int level(Author author) {
    return 1 + Math.floorMod(author.pseudo().hashCode(), 60);
  }

  public String title(SplittableRandom r) {
    String template = pick(r, Phrases.TITLE_TEMPLATES);
    String title;
    if (template.contains("%d")) {
      title = String.format(template, 15 + r.nextInt(80));
    } else if (template.contains("%s")) {
      title = String.format(template, pick(r, Phrases.TITLE_FILLERS)).trim();
    } else {
      title = template;
    }
    // an empty filler leaves two spaces; the forum stores titles with single spaces (and so do parsers' text())
    title = title.replaceAll("\\s+", " ").trim();
    return r.nextInt(5) == 0 ? title + " " + pick(r, Phrases.EMOJI) : title;
  }

  public String lockReason(SplittableRandom r) {
    return pick(r, Phrases.LOCK_REASONS);
  }

  /** Some authors sign every message; the signature sits outside the body and carries no truth. */
  public String signatureHtml(Author author, Instant postedAt) {
    int h = Math.floorMod(author.pseudo().hashCode() * 31 + 7, 100);
    if (author.deletedAccount() || h >= 6) {
      return null;
    }
    StringBuilder sb = new StringBuilder("<p class=\"message__p\">");
    Html.appendBody(sb, Phrases.SIGNATURES.get(h % Phrases.SIGNATURES.size()));
    if (h % 2 == 0) {
      sb.append(' ');
      appendThumbnail(sb, noelshack(postedAt.minusSeconds(86_400L * 40), "signature", "png"));
    }
    return sb.append("</p>").toString();
  }

  /** A new message, possibly quoting {@code quoted} (an earlier message of the same topic). */
  public GeneratedBody body(SplittableRandom r, Instant postedAt, Message quoted) {
    BodyBuilder b = new BodyBuilder();
    int roll = r.nextInt(100);
    if (roll < 2) {
      imageAloneParagraph(b, r, postedAt); // image-only posts: empty text, one sticker
    } else if (roll < 4) {
      stickerAloneParagraph(b, r, postedAt);
    } else {
      int blocks = 1 + r.nextInt(r.nextInt(4) == 0 ? 4 : 2);
      for (int i = 0; i < blocks; i++) {
        block(b, r, postedAt, i);
      }
    }
    String own = b.htmlSoFar();
    String ownRaw = b.rawSoFar().strip();
    String text = BodyBuilder.normalize(b.textSoFar());
    if (quoted == null) {
      return new GeneratedBody(own, own, ownRaw, text, b.stickersSoFar(), 0);
    }
    GeneratedBody q = quoted.body();
    boolean nest = q.quoteDepth() < 2;
    String quotedHtml = nest ? q.html() : q.ownHtml();
    String who = r.nextInt(100) < 15 ? "" : " " + quoted.author().displayed() + " a écrit";
    String header = "Le " + ParisDates.full(quoted.postedAt()) + who + " :";
    StringBuilder html = new StringBuilder(quotedHtml.length() + own.length() + 160);
    html.append("<blockquote class=\"message__blockquote\"><p class=\"message__noBlankline\">");
    Html.appendBody(html, header);
    html.append("</p>").append(quotedHtml).append("</blockquote>").append(own);
    StringBuilder raw = new StringBuilder("> ").append(header);
    for (String line : (nest ? q.raw() : q.raw().replaceAll("(?m)^>.*\\R?", "")).split("\n", -1)) {
      raw.append("\n> ").append(line);
    }
    raw.append("\n\n").append(ownRaw);
    return new GeneratedBody(html.toString(), own, raw.toString(), text, b.stickersSoFar(),
        nest ? q.quoteDepth() + 1 : 1);
  }

  private void block(BodyBuilder b, SplittableRandom r, Instant postedAt, int index) {
    int roll = r.nextInt(100);
    if (roll < 5 && index > 0) {
      imageAloneParagraph(b, r, postedAt);
    } else if (roll < 8) {
      largeImageParagraph(b, r, postedAt);
    } else if (roll < 11) {
      blockSpoiler(b, r, postedAt);
    } else if (roll < 14) {
      codeBlock(b, r);
    } else if (roll < 16 && index > 0) {
      stickerAloneParagraph(b, r, postedAt);
    } else {
      paragraph(b, r, postedAt);
    }
  }

  private void paragraph(BodyBuilder b, SplittableRandom r, Instant postedAt) {
    b.openParagraph(r.nextInt(3) > 0);
    int sentences = 1 + r.nextInt(3);
    for (int i = 0; i < sentences; i++) {
      if (i > 0) {
        if (r.nextInt(3) == 0) {
          b.lineBreak();
        } else {
          b.words(" ");
        }
      }
      b.words(r.nextInt(12) == 0 ? pick(r, Phrases.NBSP_SENTENCES) : pick(r, Phrases.SENTENCES));
      inlineExtra(b, r, postedAt);
    }
    b.closeParagraph();
  }

  private void inlineExtra(BodyBuilder b, SplittableRandom r, Instant postedAt) {
    int roll = r.nextInt(100);
    if (roll < 12) {
      String[] smiley = Phrases.SMILEYS.get(r.nextInt(Phrases.SMILEYS.size()));
      b.words(" ").source(smiley[0]).markup("<img src=\"https://image.jeuxvideo.com/smileys_img/" + smiley[1]
          + ".gif\" alt=\"" + smiley[0] + "\" data-code=\"" + smiley[0] + "\" title=\"" + smiley[0]
          + "\" width=\"16\" height=\"16\" class=\"message__smiley\" />");
    } else if (roll < 26) {
      b.words(" " + pick(r, Phrases.EMOJI));
    } else if (roll < 31) {
      String full = noelshack(postedAt, r);
      b.words(" ").source(full).sticker(full);
      StringBuilder sb = new StringBuilder();
      appendThumbnail(sb, full);
      b.markup(sb.toString());
    } else if (roll < 34) {
      b.words(" ");
      officialSticker(b, r, postedAt);
    } else if (roll < 39) {
      b.words(" ");
      inlineSpoiler(b, r);
    } else if (roll < 45) {
      b.words(" ");
      link(b, r);
    } else if (roll < 47) {
      b.words(" avec ").source("<code>").markup("<code class=\"message__code\">").words("git status")
          .markup("</code>").source("</code>");
    } else if (roll < 48) {
      b.words(" <script>alert(1)</script>"); // the troll: must come out escaped, and as text
    }
  }

  private void imageAloneParagraph(BodyBuilder b, SplittableRandom r, Instant postedAt) {
    String full = noelshack(postedAt, r);
    String md = full.replace("/fichiers/", "/fichiers-md/");
    String lg = full.replace("/fichiers/", "/fichiers-lg/");
    b.openParagraph(false).source(full).sticker(full)
        .markup("<img class=\"message__urlImg message__urlImgSticker\" width=\"136\" height=\"102\" src=\"" + md
            + "\" srcset=\"" + md + " 1x, " + lg + " 2x\" alt=\"" + full + "\" />")
        .closeParagraph();
  }

  private void largeImageParagraph(BodyBuilder b, SplittableRandom r, Instant postedAt) {
    String full = noelshack(postedAt, r);
    String lg = full.replace("/fichiers/", "/fichiers-lg/");
    StringBuilder sb = new StringBuilder();
    JvCare.openSpan(sb, full, "message__urlImgWrapper");
    // The stray }" is in the forum's own attribute soup; parsers must tolerate it.
    sb.append(" target=\"_blank\"\"><span class=\"message__urlImg message__urlImgLarge\" data-src-background=\"")
        .append(lg).append("\" }\"></span></span>");
    b.openParagraph(false).source(full).sticker(full).markup(sb.toString()).closeParagraph();
  }

  private void stickerAloneParagraph(BodyBuilder b, SplittableRandom r, Instant postedAt) {
    b.openParagraph(false);
    officialSticker(b, r, postedAt);
    b.closeParagraph();
  }

  private void officialSticker(BodyBuilder b, SplittableRandom r, Instant postedAt) {
    String code = stickerCode(r, postedAt);
    String src = "https://image.jeuxvideo.com/stickers/p/st/" + code;
    String alt = "[[sticker:p/" + code + "]]";
    b.source(alt).sticker(src).markup("<img src=\"" + src + "\" alt=\"" + alt + "\" data-code=\"" + alt + "\" title=\""
        + alt + "\" width=\"50\" height=\"50\" class=\"message__sticker\" />");
  }

  private void inlineSpoiler(BodyBuilder b, SplittableRandom r) {
    String id = "spoil-" + Long.toHexString(r.nextLong() & 0xFFFFFFFL);
    b.source("<spoil>").markup("<span class=\"message__spoil message__spoil--inline\">").markup(spoilerHead(id))
        .markup("<span class=\"message__spoilContent\">").words(pick(r, Phrases.SENTENCES))
        .markup("</span></span>").source("</spoil>");
  }

  private void blockSpoiler(BodyBuilder b, SplittableRandom r, Instant postedAt) {
    String id = "spoil-" + Long.toHexString(r.nextLong() & 0xFFFFFFFL);
    b.blockBoundary().source("<spoil>").markup("<div class=\"message__spoil\">").markup(spoilerHead(id))
        .markup("<div class=\"message__spoilContent\">");
    b.openParagraph(true).words(pick(r, Phrases.SENTENCES));
    if (r.nextBoolean()) {
      String full = noelshack(postedAt, r);
      b.words(" ").source(full).sticker(full);
      StringBuilder sb = new StringBuilder();
      appendThumbnail(sb, full);
      b.markup(sb.toString());
    }
    b.closeParagraph().markup("</div></div>").source("</spoil>").blockBoundary();
  }

  private static String spoilerHead(String id) {
    return "<input type=\"checkbox\" class=\"message__openSpoil\" id=\"" + id + "\" /><label for=\"" + id
        + "\" class=\"message__spoilHead\"><span class=\"message__spoilTitle\">Spoil</span>"
        + "<span class=\"message__spoilShow\">Afficher</span><span class=\"message__spoilHide\">Masquer</span></label>";
  }

  private void codeBlock(BodyBuilder b, SplittableRandom r) {
    String code = pick(r, Phrases.CODE_SNIPPETS);
    b.blockBoundary().source("<code>").markup("<pre class=\"message__pre\"><code class=\"message__code\">").words(code)
        .markup("</code></pre>").source("</code>\n\n").blockBoundary();
  }

  private void link(BodyBuilder b, SplittableRandom r) {
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

  private static <T> T pick(SplittableRandom r, List<T> items) {
    return items.get(r.nextInt(items.size()));
  }
}
