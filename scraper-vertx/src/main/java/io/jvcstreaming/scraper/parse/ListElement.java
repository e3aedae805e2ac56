package io.jvcstreaming.scraper.parse;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.internal.StringUtil;

/**
 * One element of a list page's topic container as {@link ListPageScan} read it: the tag with its attributes
 * ({@link FragmentTag}), its child elements, and the text of an element holding text only. {@link #text()} of an
 * element with child elements is not reproduced: it throws {@link ListPageScan.Uncertain} and the page goes to
 * jsoup.
 */
final class ListElement extends FragmentTag implements ListNode {

  private final String baseUri;
  private final List<ListElement> children = new ArrayList<>(4);
  /** The decoded text below this element, while it holds no element. */
  private StringBuilder text;

  ListElement(String name, String src, TagAttributes attrs, ListElement parent, String baseUri) {
    super(name, src, attrs.copy(), attrs.count, parent);
    this.baseUri = baseUri;
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
    // jsoup's test: a whitespace-separated token of the class attribute equal to it, case ignored
    String cls = attr("class");
    int len = cls.length();
    int want = wanted.length();
    int i = 0;
    while (i < len) {
      while (i < len && Character.isWhitespace(cls.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < len && !Character.isWhitespace(cls.charAt(i))) {
        i++;
      }
      if (i - start == want && want > 0 && cls.regionMatches(true, start, wanted, 0, want)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String absUrl(String key) {
    return hasAttr(key) ? StringUtil.resolve(baseUri, attr(key)) : "";
  }

  @Override
  public String baseUri() {
    return baseUri;
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
