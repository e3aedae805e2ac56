package io.jvcstreaming.scraper.parse;

import java.util.Arrays;
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
  private int[] spans = new int[16];

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
  private static int ampersand(String src, int from, int to) {
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
    int end = nameEnd(from);
    String name = current.name;
    if (end < 0 || current == FragmentTag.BODY || end - from != name.length()
        || !src.regionMatches(true, from, name, 0, name.length())) {
      return -1;
    }
    int i = skipSpaces(end);
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
    int i = nameEnd(from);
    if (i < 0) {
      return -1;
    }
    String name = knownTag(from, i);
    if (name == null || (CLOSES_P.contains(name) && openP > 0) || (name.equals("a") && openA > 0)) {
      return -1;
    }
    int count = 0;
    boolean selfClosing = false;
    int n = src.length();
    while (true) {
      i = skipSpaces(i);
      if (i >= n) {
        return -1;
      }
      char c = src.charAt(i);
      if (c == '>') {
        i++;
        break;
      }
      if (c == '/') {
        if (i + 1 < n && src.charAt(i + 1) == '>') {
          selfClosing = true;
          i += 2;
          break;
        }
        return -1;
      }
      if (c == '<' || c == '=' || c == '`') {
        return -1;
      }
      // an attribute name; a stray quote starts a junk name, as jsoup reads the forum's attribute soup
      int nameStart = i;
      i++;
      while (i < n && !isNameEnd(src.charAt(i))) {
        char d = src.charAt(i);
        if (d == '<' || d >= 128) {
          return -1;
        }
        i++;
      }
      int nameEnd = i;
      int valueStart = -1;
      int valueEnd = -1;
      i = skipSpaces(i);
      if (i < n && src.charAt(i) == '=') {
        i = skipSpaces(i + 1);
        if (i >= n) {
          return -1;
        }
        char q = src.charAt(i);
        if (q == '"' || q == '\'') {
          int close = src.indexOf(q, i + 1);
          if (close < 0) {
            return -1;
          }
          valueStart = i + 1;
          valueEnd = close;
          i = close + 1;
        } else {
          valueStart = i;
          while (i < n && !isSpace(src.charAt(i)) && src.charAt(i) != '>') {
            char d = src.charAt(i);
            if (d == '"' || d == '\'' || d == '<' || d == '=' || d == '`' || d == '&') {
              return -1;
            }
            i++;
          }
          valueEnd = i;
          if (valueEnd == valueStart) {
            return -1;
          }
        }
        if (!decodable(valueStart, valueEnd)) {
          return -1;
        }
      }
      if (spans.length < (count + 1) * 4) {
        spans = Arrays.copyOf(spans, spans.length * 2);
      }
      spans[count * 4] = nameStart;
      spans[count * 4 + 1] = nameEnd;
      spans[count * 4 + 2] = valueStart;
      spans[count * 4 + 3] = valueEnd;
      count++;
    }
    boolean isVoid = VOID.contains(name);
    if (selfClosing && !isVoid) {
      return -1; // jsoup would make it an empty element: not the nesting as written
    }
    FragmentTag tag = new FragmentTag(name, src, Arrays.copyOf(spans, count * 4), count, current);
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
    } else if (name.equals("pre") && i < n && src.charAt(i) == '\n') {
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

  /** Every reference in {@code [from, to)} decodes (a value with any other form is left to jsoup). */
  private boolean decodable(int from, int to) {
    for (int amp = ampersand(src, from, to); amp >= 0; amp = ampersand(src, end[0], to)) {
      if (FragmentEntities.decodeAt(src, amp, end) == FragmentEntities.REFUSED || end[0] > to) {
        return false;
      }
    }
    return true;
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

  /** End of an ASCII tag name ({@code [A-Za-z][A-Za-z0-9]*}) followed by whitespace, / or >; -1 otherwise. */
  private int nameEnd(int from) {
    int n = src.length();
    if (from >= n || !isLetter(src.charAt(from))) {
      return -1;
    }
    int i = from + 1;
    while (i < n && (isLetter(src.charAt(i)) || (src.charAt(i) >= '0' && src.charAt(i) <= '9'))) {
      i++;
    }
    if (i >= n) {
      return -1;
    }
    char c = src.charAt(i);
    return isSpace(c) || c == '/' || c == '>' ? i : -1;
  }

  private int skipSpaces(int i) {
    while (i < src.length() && isSpace(src.charAt(i))) {
      i++;
    }
    return i;
  }

  private static boolean isNameEnd(char c) {
    return isSpace(c) || c == '/' || c == '=' || c == '>';
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\f';
  }

  private static boolean isLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }
}
