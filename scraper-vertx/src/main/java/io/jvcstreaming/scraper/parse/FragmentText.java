package io.jvcstreaming.scraper.parse;

import java.util.Set;

/**
 * Text and stickers of a payload message's rendered fragment without building a jsoup tree: a single scan that
 * feeds {@link PostExtractor.Walker} the elements and text jsoup's tree would hold, so the answer is the one
 * {@code PostExtractor.extract(Jsoup.parseBodyFragment(html).body())} gives (the equivalence test proves it over
 * every generated page and many mutated fragments).
 *
 * <p>The scan only reads the markup whose jsoup tree is the nesting written in the text: known tags, every end
 * tag closing the innermost open element, no block opening inside a {@code <p>} (jsoup would close the
 * paragraph), no {@code <a>} inside an {@code <a>}, decodable character references, no comment, no stray
 * {@code <}. On anything else it answers null and the caller parses the fragment with jsoup, so an unusual post
 * costs a jsoup parse, never a different text. Why: jsoup's parse of ~8 000 small fragments per crawl was the
 * largest parse item left, and its tree-builder code is warmed up for little.
 */
final class FragmentText {

  /** Tags whose tree jsoup builds exactly as nested in the text, under the rules above; most frequent first. */
  private static final String[] TAGS = {
      "span", "p", "img", "br", "a", "i", "input", "label", "div", "blockquote", "code", "pre", "b", "em", "s",
      "strong", "u"};
  private static final Set<String> VOID = Set.of("br", "img", "input");
  /** Of {@link #TAGS}, those whose start tag closes an open {@code <p>} in jsoup's tree builder. */
  private static final Set<String> CLOSES_P = Set.of("blockquote", "div", "p", "pre");
  /** Deeper nesting is left to jsoup, whose scope searches stop at 100 levels. */
  private static final int MAX_DEPTH = 60;

  private final String src;
  private final PostExtractor.Walker walker = new PostExtractor.Walker(true, true);
  private final int[] end = new int[1];
  private FragmentTag current = FragmentTag.BODY;
  private int openP;
  private int openA;
  private int depth;
  private final TagAttributes attrs = new TagAttributes();

  private FragmentText(String src) {
    this.src = src;
  }

  /** Text and stickers as the jsoup walk gives them, or null if the fragment needs jsoup to be read right. */
  static PostExtractor.Body extract(String html) {
    if (html.indexOf('\0') >= 0 || html.indexOf('\r') >= 0) {
      return null; // jsoup drops NUL and may fold CR: not worth reproducing
    }
    FragmentText scan = new FragmentText(html);
    return scan.scan() ? scan.walker.body() : null;
  }

  /** An attribute value, references decoded (the scan checked they all decode). */
  static String decodeAttribute(String src, int from, int to) {
    int amp = ampersand(src, from, to);
    if (amp < 0) {
      return src.substring(from, to);
    }
    StringBuilder sb = new StringBuilder(to - from);
    int[] end = new int[1];
    int i = from;
    while (amp >= 0) {
      sb.append(src, i, amp).append(FragmentEntities.decodeAt(src, amp, end));
      i = end[0];
      amp = ampersand(src, i, to);
    }
    return sb.append(src, i, to).toString();
  }

  /** The first {@code &} in {@code src[from, to)}, -1 if none: bounded, where indexOf would run to the end. */
  static int ampersand(String src, int from, int to) {
    for (int i = from; i < to; i++) {
      if (src.charAt(i) == '&') {
        return i;
      }
    }
    return -1;
  }

  private boolean scan() {
    int n = src.length();
    int text = 0;
    int i = 0;
    while (i < n) {
      char c = src.charAt(i);
      if (c == '<') {
        emitText(text, i);
        i = src.startsWith("</", i) ? endTag(i + 2) : startTag(i + 1);
        if (i < 0) {
          return false;
        }
        text = i;
      } else if (c == '&') {
        emitText(text, i);
        String decoded = FragmentEntities.decodeAt(src, i, end);
        if (decoded == FragmentEntities.REFUSED) {
          return false;
        }
        if (!current.contentSkipped()) {
          walker.appendText(decoded, 0, decoded.length());
        }
        i = end[0];
        text = i;
      } else {
        i++;
      }
    }
    emitText(text, n);
    while (current != FragmentTag.BODY) {
      pop(); // elements left open end with the fragment, as jsoup closes them
    }
    return true;
  }

  private void emitText(int from, int to) {
    if (from < to && !current.contentSkipped()) {
      walker.appendText(src, from, to);
    }
  }

  /** {@code </name>} with optional whitespace, closing the innermost open element; -1 otherwise. */
  private int endTag(int from) {
    int end = TagAttributes.nameEnd(src, from);
    String name = current.name;
    if (end < 0 || current == FragmentTag.BODY || end - from != name.length()
        || !src.regionMatches(true, from, name, 0, name.length())) {
      return -1;
    }
    int i = TagAttributes.skipSpaces(src, end);
    if (i >= src.length() || src.charAt(i) != '>') {
      return -1;
    }
    pop();
    return i + 1;
  }

  private void pop() {
    FragmentTag tag = current;
    if (!tag.skipped && tag.flags != PostExtractor.Walker.SKIP) {
      walker.close(tag.flags);
    }
    depth--;
    if (tag.name.equals("p")) {
      openP--;
    } else if (tag.name.equals("a")) {
      openA--;
    }
    current = tag.parent;
  }

  /** A start tag whose name begins at {@code from}; the index after its {@code >}, -1 if refused. */
  private int startTag(int from) {
    int i = TagAttributes.nameEnd(src, from);
    if (i < 0) {
      return -1;
    }
    String name = knownTag(from, i);
    if (name == null || (CLOSES_P.contains(name) && openP > 0) || (name.equals("a") && openA > 0)) {
      return -1;
    }
    i = attrs.read(src, i);
    if (i < 0) {
      return -1;
    }
    boolean selfClosing = attrs.selfClosing;
    boolean isVoid = VOID.contains(name);
    if (selfClosing && !isVoid) {
      return -1; // jsoup would make it an empty element: not the nesting as written
    }
    FragmentTag tag = new FragmentTag(name, src, attrs.copy(), attrs.count, current);
    if (marksMessageBody(tag.className())) {
      return -1; // jsoup's caller would read that element, not the whole fragment
    }
    tag.skipped = current.contentSkipped();
    tag.flags = tag.skipped ? 0 : walker.open(tag);
    if (isVoid) {
      if (!tag.skipped && tag.flags != PostExtractor.Walker.SKIP) {
        walker.close(tag.flags);
      }
      return i;
    }
    if (++depth > MAX_DEPTH) {
      return -1;
    }
    if (name.equals("p")) {
      openP++;
    } else if (name.equals("a")) {
      openA++;
    } else if (name.equals("pre") && i < src.length() && src.charAt(i) == '\n') {
      i++; // jsoup drops the newline that opens a pre
    }
    current = tag;
    return i;
  }

  /** A class that {@code .messageUser__msg, .txt-msg} (case-insensitive) might match. */
  private static boolean marksMessageBody(String cls) {
    return containsIgnoreCase(cls, "messageuser__msg") || containsIgnoreCase(cls, "txt-msg");
  }

  private static boolean containsIgnoreCase(String s, String lower) {
    char first = lower.charAt(0);
    for (int i = 0, last = s.length() - lower.length(); i <= last; i++) {
      if ((s.charAt(i) | 0x20) == first && s.regionMatches(true, i, lower, 0, lower.length())) {
        return true;
      }
    }
    return false;
  }

  /** The constant of {@link #TAGS} that {@code src[from, to)} names, ASCII case ignored; null if none. */
  private String knownTag(int from, int to) {
    int len = to - from;
    for (String tag : TAGS) {
      if (tag.length() == len && src.regionMatches(true, from, tag, 0, len)) {
        return tag;
      }
    }
    return null;
  }
}
