package io.jvcstreaming.simulator.model;

import static io.jvcstreaming.simulator.model.ImageMarkup.imageAloneParagraph;
import static io.jvcstreaming.simulator.model.ImageMarkup.largeImageParagraph;
import static io.jvcstreaming.simulator.model.Phrases.pick;
import static io.jvcstreaming.simulator.model.StickerChoice.stickerAloneParagraph;
import static io.jvcstreaming.simulator.model.TextMarkup.blockSpoiler;
import static io.jvcstreaming.simulator.model.TextMarkup.codeBlock;
import static io.jvcstreaming.simulator.model.TextMarkup.inlineSpoiler;
import static io.jvcstreaming.simulator.model.TextMarkup.link;

import io.jvcstreaming.simulator.markup.Html;
import io.jvcstreaming.simulator.markup.ParisDates;
import java.time.Instant;
import java.util.SplittableRandom;

/**
 * Invents titles, authors and message bodies with every construct of spec §4, each body built together with
 * its expected clean text and sticker list. Pure function of the random source it is given: same seed, same forum.
 * The constructs themselves are in {@link ImageMarkup}, {@link StickerChoice} and {@link TextMarkup}; this class
 * decides which ones a post gets, in an order of random draws that {@code SeededContentTest} pins.
 */
public final class ContentGenerator {

  private final AuthorPool authors;

  public ContentGenerator(long seed) {
    this.authors = new AuthorPool(seed);
  }

  public Author author(SplittableRandom r) {
    return authors.draw(r);
  }

  public int level(Author author) {
    return AuthorPool.level(author);
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
      ImageMarkup.appendSignatureThumbnail(sb, postedAt);
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
      ImageMarkup.inlineThumbnail(b, r, postedAt);
    } else if (roll < 34) {
      b.words(" ");
      StickerChoice.officialSticker(b, r, postedAt);
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
}
