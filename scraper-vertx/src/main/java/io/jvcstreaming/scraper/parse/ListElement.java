package io.jvcstreaming.scraper.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.internal.StringUtil;

/**
 * One element of a list page's topic container as {@link ListPageScan} read it: the tag with its attributes
 * ({@link FragmentTag}), its child elements, and the text of an element holding text only. {@link #text()} of an
 * element with child elements is not reproduced: it throws {@link ListPageScan.Uncertain} and the page goes to
 * jsoup.
 */
final class ListElement extends FragmentTag implements ListNode {

  private final PageLinks links;
  /** The class attribute lower-cased, null if it is not ASCII (set once {@code lowerClassRead}). */
  private String lowerClass;
  private boolean lowerClassRead;
  private final List<ListElement> children = new ArrayList<>(4);
  /** The decoded text below this element, while it holds no element. */
  private StringBuilder text;

  ListElement(String name, String src, TagAttributes attrs, ListElement parent, PageLinks links) {
    super(name, src, attrs.copy(), attrs.count, parent);
    this.links = links;
  }

  void add(ListElement child) {
    children.add(child);
  }

  void appendText(CharSequence s, int from, int to) {
    if (text == null) {
      text = new StringBuilder(to - from);
    }
    text.append(s, from, to);
  }

  @Override
  public boolean nameIs(String lowerCaseName) {
    return name.equals(lowerCaseName);
  }

  @Override
  public String id() {
    return attr("id");
  }

  @Override
  public boolean hasClass(String wanted) {
    // jsoup's test: a whitespace-separated token of the class attribute equal to it, case ignored. The selectors
    // of a row ask it of every element below the row, so the attribute is decoded and lower-cased once.
    String cls = classAttr();
    int want = wanted.length();
    if (want == 0 || cls.length() < want) {
      return false;
    }
    String lower = asciiLowerClass();
    if (lower == null || !isAsciiLower(wanted)) {
      return hasClassToken(cls, wanted);
    }
    for (int at = lower.indexOf(wanted); at >= 0; at = lower.indexOf(wanted, at + 1)) {
      int after = at + want;
      if ((at == 0 || isWhitespace(cls.charAt(at - 1))) && (after == cls.length() || isWhitespace(cls.charAt(after)))) {
        return true;
      }
    }
    return false;
  }

  /** The class attribute lower-cased if it is ASCII (where that is what {@code regionMatches(true, ..)} compares). */
  private String asciiLowerClass() {
    if (!lowerClassRead) {
      String cls = classAttr();
      boolean ascii = true;
      for (int i = 0; i < cls.length() && ascii; i++) {
        ascii = cls.charAt(i) < 0x80;
      }
      lowerClass = ascii ? cls.toLowerCase(Locale.ROOT) : null;
      lowerClassRead = true;
    }
    return lowerClass;
  }

  private static boolean isAsciiLower(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 0x80 || (c >= 'A' && c <= 'Z')) {
        return false;
      }
    }
    return true;
  }

  /** The token loop itself, for a class or a wanted name that is not ASCII. */
  private static boolean hasClassToken(String cls, String wanted) {
    int len = cls.length();
    int want = wanted.length();
    int i = 0;
    while (i < len) {
      while (i < len && isWhitespace(cls.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < len && !isWhitespace(cls.charAt(i))) {
        i++;
      }
      if (i - start == want && cls.regionMatches(true, start, wanted, 0, want)) {
        return true;
      }
    }
    return false;
  }

  /** {@link Character#isWhitespace}, jsoup's separator of class names, without its table lookup for ASCII. */
  private static boolean isWhitespace(char c) {
    return c <= ' ' ? Character.isWhitespace(c) : c >= 0x80 && Character.isWhitespace(c);
  }

  @Override
  public String absUrl(String key) {
    return hasAttr(key) ? links.resolve(attr(key)) : "";
  }

  @Override
  public String baseUri() {
    return links.base();
  }

  @Override
  public List<ListElement> children() {
    return children;
  }

  @Override
  public String text() {
    if (!children.isEmpty()) {
      throw ListPageScan.Uncertain.INSTANCE;
    }
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length());
    StringUtil.appendNormalisedWhitespace(out, text.toString(), false);
    return out.toString().trim();
  }

  @Override
  public ListNode selectFirst(ListQuery query) {
    if (query.matches(this)) {
      return this;
    }
    for (ListElement child : children) {
      ListNode found = child.selectFirst(query);
      if (found != null) {
        return found;
      }
    }
    return null;
  }
}
