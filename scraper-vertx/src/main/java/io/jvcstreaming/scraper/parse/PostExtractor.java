package io.jvcstreaming.scraper.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Text and stickers of one message body, {@code .messageUser__msg} (legacy {@code .txt-msg}), per spec §4.
 *
 * <p>Text: the body's text without any blockquote, spoiler label ({@code label.message__spoilHead}, the
 * {@code input}), image, script or style; spoiler contents kept; {@code <br>} and block boundaries become
 * whitespace; whitespace runs ({@code &nbsp;} included) collapse to one space; trimmed. Long URLs cut for display
 * ({@code message__cesure}, {@code message__middleCesure}) are rejoined without spaces.
 *
 * <p>Stickers: in document order, outside blockquotes (spoiler contents included): every NoelShack image as its
 * full-size {@code /fichiers/} URL and every official sticker as its {@code src}. Smileys are not stickers.
 *
 * <p>Both walks are read-only: the element is not modified.
 */
final class PostExtractor {

  /** Text and stickers of a body, computed in one walk. */
  public record Body(String text, List<String> stickers) {
  }

  private static final Set<String> SKIPPED_TAGS = Set.of(
      "blockquote", "label", "input", "img", "script", "style", "noscript", "template", "button", "svg",
      "iframe", "object", "video", "audio", "select", "textarea");

  private static final Set<String> BLOCK_TAGS = Set.of(
      "p", "div", "br", "pre", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "table",
      "thead", "tbody", "tfoot", "tr", "td", "th", "hr", "section", "article", "header", "footer", "aside",
      "figure", "figcaption", "nav", "main", "details", "summary", "address", "center", "fieldset", "caption");

  private PostExtractor() {
  }

  /** The author's text of a message body. */
  public static String text(Element msg) {
    return extract(msg, true, false).text();
  }

  /** The stickers of a message body. */
  public static List<String> stickers(Element msg) {
    return extract(msg, false, true).stickers();
  }

  /** Text and stickers of a message body in one walk. */
  public static Body extract(Element msg) {
    return extract(msg, true, true);
  }

  private static Body extract(Element msg, boolean wantText, boolean wantStickers) {
    Walker w = new Walker(wantText, wantStickers);
    visitChildren(w, msg);
    return w.body();
  }

  private static void visitChildren(Walker w, Element el) {
    for (int i = 0, n = el.childNodeSize(); i < n; i++) {
      Node node = el.childNode(i);
      if (node instanceof TextNode) {
        w.appendText(((TextNode) node).getWholeText());
      } else if (node instanceof Element) { // comments and data nodes carry no text
        Element child = (Element) node;
        int flags = w.open(BodyElement.of(child));
        if (flags != Walker.SKIP) {
          visitChildren(w, child);
          w.close(flags);
        }
      }
    }
  }

  /**
   * The text and sticker rules, fed element by element in document order: by the jsoup tree above, or by
   * {@link FragmentText}'s scan of a payload fragment without a tree.
   */
  static final class Walker {
    /** {@link #open} answer: leave the element's content out. */
    static final int SKIP = -1;
    private static final int CUT = 1;
    private static final int BLOCK = 2;

    private final boolean wantText;
    private final boolean wantStickers;
    private final StringBuilder sb = new StringBuilder(256);
    private final List<String> stickers = new ArrayList<>(2);
    /** A whitespace is owed before the next visible character. */
    private boolean pendingSpace;
    /** Inside a cut URL: drop whitespace until the next visible character. */
    private boolean glue;

    Walker(boolean wantText, boolean wantStickers) {
      this.wantText = wantText;
      this.wantStickers = wantStickers;
    }

    Body body() {
      return new Body(wantText ? sb.toString() : "", wantStickers ? List.copyOf(stickers) : List.of());
    }

    /** An element starts: {@link #SKIP} if its content is left out, else the flags {@link #close} takes. */
    int open(BodyElement el) {
      String tag = el.normalName();
      if (SKIPPED_TAGS.contains(tag)) {
        if (wantStickers && tag.equals("img")) {
          imageSticker(el);
        }
        return SKIP; // blockquotes (quotes and their images), spoiler labels, inputs, images
      }
      String cls = el.className();
      if (!cls.isEmpty()) {
        if (cls.contains("message__spoilHead") || cls.contains("barre-head")) {
          return SKIP; // spoiler label whatever its tag
        }
        if (cls.contains("blockquote-jv") || cls.contains("message__blockquote")) {
          return SKIP; // a quote rendered with another tag
        }
        if (cls.contains("messageUser__signature") || cls.contains("signature-msg")
            || cls.contains("messageUser__dateEdit") || cls.contains("info-edition-msg")) {
          return SKIP; // signature and edit notice, should a variant nest them in the body
        }
        if (wantStickers && tag.equals("span") && cls.contains("message__urlImg")
            && el.hasAttr("data-src-background")) {
          largeImageSticker(el);
        }
      }
      boolean cut = !cls.isEmpty() && (cls.contains("message__cesure") || cls.contains("message__middleCesure"));
      if (cut) {
        startGlue();
      }
      boolean block = BLOCK_TAGS.contains(tag);
      if (block) {
        pendingSpace = true;
      }
      return (cut ? CUT : 0) | (block ? BLOCK : 0);
    }

    /** The element opened with these flags ends. */
    void close(int flags) {
      if ((flags & CUT) != 0) {
        startGlue();
      }
      if ((flags & BLOCK) != 0) {
        pendingSpace = true;
      }
    }

    private void startGlue() {
      pendingSpace = false;
      glue = true;
    }

    void appendText(String s) {
      appendText(s, 0, s.length());
    }

    /** Text of a text node, {@code s[from, to)}: runs of visible characters appended whole. */
    void appendText(String s, int from, int to) {
      if (!wantText) {
        return;
      }
      int i = from;
      while (i < to) {
        if (isWhitespace(s.charAt(i))) {
          if (!glue) {
            pendingSpace = true;
          }
          i++;
          continue;
        }
        int run = i;
        while (i < to && !isWhitespace(s.charAt(i))) {
          i++;
        }
        if (pendingSpace && sb.length() > 0) {
          sb.append(' ');
        }
        pendingSpace = false;
        glue = false;
        sb.append(s, run, i);
      }
    }

    private void imageSticker(BodyElement img) {
      String cls = img.className();
      if (cls.contains("message__smiley") || cls.contains("smilies")) {
        return;
      }
      if (cls.contains("message__sticker") || cls.contains("img-stickers")) {
        String src = firstNonBlank(img.attr("src"), img.attr("data-src"));
        if (src != null) {
          stickers.add(src.trim());
        }
        return;
      }
      if (cls.contains("message__urlImg") || cls.contains("img-shack")) {
        String url = noelshackFullSize(img.attr("alt"));
        if (url == null) {
          url = noelshackFullSize(wrapperLink(img));
        }
        if (url == null) {
          url = noelshackFullSize(img.attr("src"));
        }
        if (url != null) {
          stickers.add(url);
        }
        return;
      }
      // an unclassed official sticker
      String src = img.attr("src");
      if (src.contains("image.jeuxvideo.com/stickers/")) {
        stickers.add(src.trim());
      }
    }

    private void largeImageSticker(BodyElement span) {
      String url = noelshackFullSize(cutAtJunk(span.attr("data-src-background")));
      if (url == null) {
        url = noelshackFullSize(wrapperLink(span));
      }
      if (url != null) {
        stickers.add(url);
      }
    }
  }

  /** The decoded JvCare link (or href) of the image's wrapper, if any. */
  private static String wrapperLink(BodyElement el) {
    BodyElement parent = el.parent();
    if (parent == null) {
      return null;
    }
    String link = JvCare.linkOfClass(parent.className());
    if (link == null && parent.normalName().equals("a")) {
      link = parent.attr("href");
    }
    return link;
  }

  /**
   * A NoelShack URL as its full-size {@code /fichiers/} form: {@code /fichiers-(xs|sm|md|lg)/} mapped to
   * {@code /fichiers/}; null if the value is not an http(s) image URL.
   */
  static String noelshackFullSize(String url) {
    if (url == null) {
      return null;
    }
    String u = url.trim();
    if (!(u.startsWith("https://") || u.startsWith("http://") || u.startsWith("//"))) {
      return null;
    }
    if (u.startsWith("//")) {
      u = "https:" + u;
    }
    int at = u.indexOf("/fichiers-");
    if (at >= 0 && at + 13 <= u.length() && u.charAt(at + 12) == '/') {
      String size = u.substring(at + 10, at + 12);
      if (size.equals("xs") || size.equals("sm") || size.equals("md") || size.equals("lg")) {
        u = u.substring(0, at) + "/fichiers/" + u.substring(at + 13);
      }
    }
    return u;
  }

  /** Cuts an attribute value at the first character that cannot belong to the URL (attribute soup). */
  private static String cutAtJunk(String value) {
    String v = value.trim();
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c == '"' || c == '\'' || c == '}' || c == '{' || c == ')' || c == '(' || c == '<' || c == '>'
          || Character.isWhitespace(c)) {
        return v.substring(0, i);
      }
    }
    return v;
  }

  private static String firstNonBlank(String a, String b) {
    if (a != null && !a.isBlank()) {
      return a;
    }
    return b != null && !b.isBlank() ? b : null;
  }

  /** jsoup's notion of whitespace in text(): ASCII whitespace and the no-break space. */
  static boolean isWhitespace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == '\u00a0';
  }

  /** Whitespace runs ({@code &nbsp;} included) to one space, trimmed: titles and pseudos. */
  static String collapse(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    boolean space = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (PostExtractor.isWhitespace(c)) {
        space = sb.length() > 0;
      } else {
        if (space) {
          sb.append(' ');
          space = false;
        }
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
