package io.jvcstreaming.scraper.parse;

import java.util.Locale;
import java.util.Set;

/**
 * The topic container of a list page read without jsoup: one scan of the whole page that accepts only markup whose
 * jsoup tree is the nesting as written, and builds {@link ListElement}s for the first
 * {@code ul.tablesForum--listTopics} and what it holds. Why: a crawl parses a dozen list pages and nothing else
 * with jsoup, so a cold JVM spent ~0.28 CPU-s warming jsoup's tree builder and selectors up for them.
 *
 * <p>Accepted: {@code [<!DOCTYPE html>] <html><head>…</head><body>…</body></html>} with whitespace between, the
 * head holding only meta, link, title, script and style, the body only the tags of {@link #BODY_TAGS}, every end
 * tag closing the innermost open element, no block opening inside a {@code <p>}, no {@code <a>} in an
 * {@code <a>}, no button in a button, no heading directly in a heading, every {@code <li>} directly in a list, no
 * comment, no stray {@code <}, decodable references, no NUL or CR. On anything else the answer is null and the
 * caller parses the page with jsoup as before, so an unusual page costs a jsoup parse, never a different answer.
 */
final class ListPageScan {

  /** Thrown when the page (or a text asked of it later) is outside what the scan reproduces with certainty. */
  static final class Uncertain extends RuntimeException {
    static final Uncertain INSTANCE = new Uncertain();

    private Uncertain() {
      super(null, null, false, false);
    }
  }

  /** Body tags jsoup's tree builder inserts as nested in the text under the rules above; most frequent first. */
  private static final String[] BODY_TAGS = {
      "span", "a", "div", "li", "img", "i", "button", "ul", "ins", "nav", "h1", "header", "footer", "script", "p",
      "b", "strong", "em", "small", "br", "section", "main", "aside", "ol", "h2", "h3", "label"};
  private static final Set<String> VOID = Set.of("br", "img", "meta", "link");
  /** Of the accepted tags, those whose start tag closes an open {@code <p>}. */
  private static final Set<String> CLOSES_P = Set.of(
      "div", "li", "ul", "ol", "nav", "h1", "h2", "h3", "header", "footer", "p", "section", "main", "aside");
  private static final Set<String> HEAD_TAGS = Set.of("meta", "link", "title", "script", "style");
  /** jsoup's scope searches stop at 100 levels: deeper pages are left to it. */
  private static final int MAX_DEPTH = 60;
  private static final String CONTAINER_CLASS = "tablesforum--listtopics"; // lower case: hasClass ignores it

  private final String src;
  private final PageLinks links;
  private final TagAttributes attrs = new TagAttributes();
  private final int[] end = new int[1];
  /** Names of the open elements below body; {@code depth} of them are in use. */
  private final String[] open = new String[MAX_DEPTH + 1];
  private int depth;
  private int openP;
  private int openA;
  private int openButton;
  private ListElement container;
  /** The innermost open element inside the container, null outside it. */
  private ListElement current;
  private int i;

  private ListPageScan(String src, String baseUri) {
    this.src = src;
    this.links = new PageLinks(baseUri);
  }

  /**
   * The page's first {@code ul.tablesForum--listTopics} (case of the class ignored, as jsoup's selector), or
   * null if the page has none or is not markup this scan reads with certainty.
   */
  static ListElement container(String html, String baseUri) {
    if (html.indexOf('\0') >= 0 || html.indexOf('\r') >= 0) {
      return null; // jsoup drops NUL and folds CR: not worth reproducing
    }
    try {
      return new ListPageScan(html, baseUri).scan();
    } catch (Uncertain e) {
      return null;
    }
  }

  private ListElement scan() {
    skipSpaces();
    if (src.regionMatches(true, i, "<!doctype html>", 0, 15)) {
      i += 15;
      skipSpaces();
    }
    expectStart("html");
    skipSpaces();
    expectStart("head");
    while (true) {
      skipSpaces();
      if (src.startsWith("</", i)) {
        expectEnd("head");
        break;
      }
      headElement();
    }
    skipSpaces();
    expectStart("body");
    body();
    skipSpaces();
    expectEnd("html");
    skipSpaces();
    if (i != src.length()) {
      throw Uncertain.INSTANCE;
    }
    return container;
  }

  private void headElement() {
    String name = startTag(HEAD_TAGS);
    if (VOID.contains(name)) {
      return;
    }
    if (attrs.selfClosing) {
      throw Uncertain.INSTANCE;
    }
    rawText(name);
  }

  /** The content of body up to its end tag, which must close it with no other element open. */
  private void body() {
    while (true) {
      int lt = src.indexOf('<', i);
      if (lt < 0) {
        throw Uncertain.INSTANCE;
      }
      if (current != null && lt > i) {
        text(i, lt);
      }
      i = lt;
      if (src.startsWith("</", i)) {
        if (depth == 0) {
          expectEnd("body");
          return;
        }
        expectEnd(open[depth - 1]);
        pop();
      } else {
        push(startTag(null));
      }
    }
  }

  private void push(String name) {
    ListElement el = null;
    if (current != null) {
      el = new ListElement(name, src, attrs, current, links);
      current.add(el);
    } else if (container == null && name.equals("ul")) {
      ListElement ul = new ListElement(name, src, attrs, null, links);
      if (ul.hasClass(CONTAINER_CLASS)) {
        container = ul;
        el = ul;
      }
    }
    if (name.equals("script")) {
      if (current != null || attrs.selfClosing) {
        throw Uncertain.INSTANCE;
      }
      rawText(name);
      return;
    }
    if (VOID.contains(name)) {
      return;
    }
    if (attrs.selfClosing || depth == MAX_DEPTH) {
      throw Uncertain.INSTANCE; // a self-closed element jsoup would leave empty: not the nesting as written
    }
    open[depth++] = name;
    if (name.equals("p")) {
      openP++;
    } else if (name.equals("a")) {
      openA++;
    } else if (name.equals("button")) {
      openButton++;
    }
    if (el != null) {
      current = el;
    }
  }

  private void pop() {
    String name = open[--depth];
    if (name.equals("p")) {
      openP--;
    } else if (name.equals("a")) {
      openA--;
    } else if (name.equals("button")) {
      openButton--;
    }
    if (current != null) {
      current = current == container ? null : (ListElement) current.parent;
    }
  }

  /** Text inside the container, references decoded as jsoup's tokeniser does. */
  private void text(int from, int to) {
    int at = attrs.ampersand(src, from, to);
    while (at >= 0) {
      current.appendText(src, from, at);
      String decoded = FragmentEntities.decodeAt(src, at, end);
      if (decoded == FragmentEntities.REFUSED || end[0] > to) {
        throw Uncertain.INSTANCE;
      }
      current.appendText(decoded, 0, decoded.length());
      from = end[0];
      at = attrs.ampersand(src, from, to);
    }
    current.appendText(src, from, to);
  }

  /** A start tag at {@code i}, of the head set or (null) of the body rules; its name, attributes in attrs. */
  private String startTag(Set<String> headTags) {
    int from = i + 1;
    int nameEnd = TagAttributes.nameEnd(src, from);
    if (nameEnd < 0) {
      throw Uncertain.INSTANCE; // a comment, a stray < or an unusual name
    }
    String name = headTags == null ? bodyTag(from, nameEnd) : headTag(headTags, from, nameEnd);
    i = attrs.read(src, nameEnd);
    if (i < 0 || (attrs.selfClosing && !VOID.contains(name))) {
      throw Uncertain.INSTANCE;
    }
    return name;
  }

  private String headTag(Set<String> tags, int from, int to) {
    String name = src.substring(from, to).toLowerCase(Locale.ROOT);
    if (!tags.contains(name)) {
      throw Uncertain.INSTANCE;
    }
    return name;
  }

  /** A body tag the rules accept where it stands. */
  private String bodyTag(int from, int to) {
    String name = null;
    int len = to - from;
    for (String tag : BODY_TAGS) {
      if (tag.length() == len && src.regionMatches(true, from, tag, 0, len)) {
        name = tag;
        break;
      }
    }
    String parent = depth == 0 ? "body" : open[depth - 1];
    if (name == null || (CLOSES_P.contains(name) && openP > 0) || (name.equals("a") && openA > 0)
        || (name.equals("button") && openButton > 0)
        || (name.equals("li") && !parent.equals("ul") && !parent.equals("ol"))
        || (isHeading(name) && isHeading(parent))) {
      throw Uncertain.INSTANCE;
    }
    return name;
  }

  private static boolean isHeading(String name) {
    return name.length() == 2 && name.charAt(0) == 'h' && name.charAt(1) >= '1' && name.charAt(1) <= '6';
  }

  private void expectStart(String name) {
    int nameEnd = TagAttributes.nameEnd(src, i + 1);
    if (!src.startsWith("<", i) || nameEnd - i - 1 != name.length()
        || !src.regionMatches(true, i + 1, name, 0, name.length())) {
      throw Uncertain.INSTANCE;
    }
    i = attrs.read(src, nameEnd);
    if (i < 0 || attrs.selfClosing) {
      throw Uncertain.INSTANCE;
    }
  }

  /** {@code </name>} with optional whitespace before the {@code >}. */
  private void expectEnd(String name) {
    int from = i + 2;
    int nameEnd = TagAttributes.nameEnd(src, from);
    if (!src.startsWith("</", i) || nameEnd - from != name.length()
        || !src.regionMatches(true, from, name, 0, name.length())) {
      throw Uncertain.INSTANCE;
    }
    i = TagAttributes.skipSpaces(src, nameEnd);
    if (i >= src.length() || src.charAt(i) != '>') {
      throw Uncertain.INSTANCE;
    }
    i++;
  }

  /**
   * Skips the content of a title, script or style element and its end tag: jsoup ends it at the first
   * {@code </name} followed by whitespace, / or >; a script holding {@code <!--} may end elsewhere, so is refused.
   */
  private void rawText(String name) {
    int from = i;
    int at = i;
    while (true) {
      at = src.indexOf("</", at);
      if (at < 0) {
        throw Uncertain.INSTANCE;
      }
      int after = at + 2 + name.length();
      if (after < src.length() && src.regionMatches(true, at + 2, name, 0, name.length())) {
        char c = src.charAt(after);
        if (TagAttributes.isSpace(c) || c == '/' || c == '>') {
          break;
        }
      }
      at += 2;
    }
    if (!name.equals("title") && opensComment(from, at)) {
      throw Uncertain.INSTANCE;
    }
    i = at;
    expectEnd(name);
  }

  /** A {@code <!--} in {@code src[from, to)}, where {@code src[to]} is a {@code <}: no search past the element. */
  private boolean opensComment(int from, int to) {
    for (int lt = src.indexOf('<', from); lt < to; lt = src.indexOf('<', lt + 1)) {
      if (src.startsWith("<!--", lt)) {
        return true;
      }
    }
    return false;
  }

  private void skipSpaces() {
    i = TagAttributes.skipSpaces(src, i);
  }
}
